// The other names of a dataset (see identity-datasets.cypher), each with all its fields: a column walk from a
// dataset starts at the columns of all its names (the table name may carry no schema while its path does).
MATCH (d:Dataset {namespace: $namespace, name: $name})-[:SYMLINK*1..8]-(o:Dataset)
WHERE o.deleted IS NULL AND o <> d
WITH DISTINCT o
RETURN o.namespace AS namespace, o.name AS name, o.firstSeen AS firstSeen, o.schemaVersion AS schemaVersion,
       [(o)-[:HAS_FIELD]->(f:Field) | {id: elementId(f), field: f.name, type: f.type, firstSeen: f.firstSeen,
                                       schemaVersion: f.schemaVersion}] AS fields
ORDER BY namespace, name
