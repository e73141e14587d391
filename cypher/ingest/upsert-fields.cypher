// A field belongs to the current schema when its schemaVersion equals its dataset's.
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
UNWIND row.fields AS f
MERGE (field:Field {namespace: row.namespace, dataset: row.name, name: f.path})
  ON CREATE SET field.firstSeen = row.time, field.searchText = f.searchText
SET field.firstSeen = CASE WHEN row.time < field.firstSeen THEN row.time ELSE field.firstSeen END
MERGE (d)-[:HAS_FIELD]->(field)
WITH field, f, row
WHERE field.schemaVersion IS NULL OR field.schemaVersion <= row.version
SET field.leafName = f.name,
    field.parent = f.parentPath,
    field.ordinal = f.ordinal,
    field.position = f.position,
    field.depth = f.depth,
    field.type = f.type,
    field.description = f.description,
    field.schemaVersion = row.version
