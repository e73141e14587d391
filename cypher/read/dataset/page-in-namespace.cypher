// A page of one namespace's datasets in name order; $fromName is the least name after the cursor ('' at first).
MATCH (d:Dataset)
WHERE d.namespace = $namespace AND d.name >= $fromName AND d.deleted IS NULL
RETURN d.namespace AS namespace, d.name AS name
ORDER BY d.namespace, d.name
LIMIT $limit
