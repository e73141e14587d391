// The current schema of each dataset (fields of its current schema version), in schema order.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})-[:HAS_FIELD]->(f:Field)
WHERE f.schemaVersion = d.schemaVersion
RETURN d.namespace AS forNamespace, d.name AS forName, f.name AS name, f.type AS type, f.description AS description
ORDER BY f.position
