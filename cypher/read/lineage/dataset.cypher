// The start of a lineage walk: a dataset by its key, an index seek on the dataset_key constraint.
MATCH (n:Dataset {namespace: $namespace, name: $name})
WHERE n.deleted IS NULL
RETURN elementId(n) AS id, n.namespace AS namespace, n.name AS name, n.firstSeen AS firstSeen
