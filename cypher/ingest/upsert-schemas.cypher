// A dataset's current schema is the newest one sent; each distinct schema is kept as a SchemaVersion.
UNWIND $rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (s:SchemaVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
  ON CREATE SET s.fields = row.fieldsJson, s.firstSeen = row.time, s.lastSeen = row.time
SET s.firstSeen = CASE WHEN row.time < s.firstSeen THEN row.time ELSE s.firstSeen END,
    s.lastSeen = CASE WHEN row.time > s.lastSeen THEN row.time ELSE s.lastSeen END
MERGE (d)-[:HAS_SCHEMA]->(s)
WITH d, row
WHERE d.schemaVersion IS NULL OR d.schemaVersion <= row.version
SET d.schemaVersion = row.version, d.schemaHash = row.hash
