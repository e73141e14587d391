// The current schema: fields whose schemaVersion is their dataset's, in depth-first schema order.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})-[:HAS_FIELD]->(f:Field)
WHERE f.schemaVersion = d.schemaVersion
RETURN d.namespace AS namespace, d.name AS dataset, f.name AS name, coalesce(f.leafName, f.name) AS leafName,
       f.type AS type, f.description AS description, f.parent AS parent, coalesce(f.depth, 0) AS depth
ORDER BY f.position
