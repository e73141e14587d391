// A page of one namespace's live datasets in name order (Marquez pages by limit and offset), on the key index.
MATCH (d:Dataset)
WHERE d.namespace = $namespace AND d.name IS NOT NULL AND d.deleted IS NULL
RETURN d.namespace AS namespace, d.name AS name
ORDER BY d.name
SKIP $offset
LIMIT $limit
