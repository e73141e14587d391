// The current schema: fields whose schemaVersion is their dataset's, in depth-first schema order, each with its tags
// (kept on the dataset as field + \u001f + tag, see docs/notes/tags.md).
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})-[:HAS_FIELD]->(f:Field)
WHERE f.schemaVersion = d.schemaVersion
RETURN d.namespace AS namespace, d.name AS dataset, f.name AS name, coalesce(f.leafName, f.name) AS leafName,
       f.type AS type, f.description AS description, f.parent AS parent, coalesce(f.depth, 0) AS depth,
       [e IN coalesce(d.fieldTags, []) WHERE split(e, '\u001f')[0] = f.name | split(e, '\u001f')[1]] AS tags
ORDER BY f.position
