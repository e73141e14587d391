// The start of a column-lineage walk from one field: an index seek on the field_key constraint.
MATCH (f:Field {namespace: $namespace, dataset: $name, name: $field})
WHERE NOT EXISTS { (d:Dataset)-[:HAS_FIELD]->(f) WHERE d.deleted IS NOT NULL }
RETURN elementId(f) AS id, f.namespace AS namespace, f.dataset AS dataset, f.name AS field, f.type AS type,
       f.firstSeen AS firstSeen, f.schemaVersion AS schemaVersion
