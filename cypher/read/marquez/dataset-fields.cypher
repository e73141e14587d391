// The current schema of each dataset (fields of its current schema version), in schema order, each with its tags
// (kept on the dataset as field + \u001f + tag, see docs/notes/tags.md).
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})-[:HAS_FIELD]->(f:Field)
WHERE f.schemaVersion = d.schemaVersion
RETURN d.namespace AS forNamespace, d.name AS forName, f.name AS name, f.type AS type, f.description AS description,
       [e IN coalesce(d.fieldTags, []) WHERE split(e, '\u001f')[0] = f.name | split(e, '\u001f')[1]] AS tags
ORDER BY f.position
