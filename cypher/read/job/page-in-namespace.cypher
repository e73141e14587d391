// A page of one namespace's jobs in name order; $fromName is the least name after the cursor ('' at first).
MATCH (j:Job)
WHERE j.namespace = $namespace AND j.name >= $fromName AND j.deleted IS NULL
RETURN j.namespace AS namespace, j.name AS name
ORDER BY j.namespace, j.name
LIMIT $limit
