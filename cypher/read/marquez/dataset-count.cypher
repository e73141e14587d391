// How many live datasets one namespace holds (Marquez's totalCount), counted on the key index.
MATCH (d:Dataset)
WHERE d.namespace = $namespace AND d.name IS NOT NULL AND d.deleted IS NULL
RETURN count(d) AS count
