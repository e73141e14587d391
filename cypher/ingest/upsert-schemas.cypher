// A dataset's current schema is the one of the newest event that carried a schema (schemaEventVersion); each distinct
// schema is kept as a SchemaVersion with when it was first and last sent and the newest event's version. The
// dataset's schemaVersion and schemaHash both name the current schema's hash; its fields carry that hash too.
// Returns the rows whose fields upsert-fields must write: a schema not seen before, one sent earlier than it was first
// seen, or one that is not the dataset's current schema. A rerun repeating the current schema writes no field: the
// current schema's fields already hold its values and a first-seen time no later than the schema's.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
OPTIONAL MATCH (known:SchemaVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
WITH d, row, known IS NULL OR row.firstSeen < known.firstSeen OR d.schemaHash IS NULL OR d.schemaHash <> row.hash
  AS writeFields
MERGE (s:SchemaVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
  ON CREATE SET s.fields = row.fieldsJson, s.firstSeen = row.firstSeen, s.lastSeen = row.lastSeen, s.lastVersion = row.version
SET s.firstSeen = CASE WHEN row.firstSeen < s.firstSeen THEN row.firstSeen ELSE s.firstSeen END,
    s.lastSeen = CASE WHEN row.lastSeen > s.lastSeen THEN row.lastSeen ELSE s.lastSeen END,
    s.lastVersion = CASE WHEN s.lastVersion IS NULL OR row.version > s.lastVersion THEN row.version
      ELSE s.lastVersion END
MERGE (d)-[:HAS_SCHEMA]->(s)
// One decision per dataset, from the newest of its rows (ties, one event listing the dataset twice with two schemas,
// go to the greater hash), so that rows of one transaction cannot act on each other's stale reads.
WITH d, collect({index: row.index, writeFields: writeFields, version: row.version, hash: row.hash}) AS rows
WITH d, rows,
     reduce(best = head(rows), r IN tail(rows) |
       CASE WHEN r.version > best.version OR (r.version = best.version AND r.hash > best.hash) THEN r ELSE best END)
       AS newest
WITH d, rows, newest,
     d.schemaEventVersion IS NULL OR d.schemaEventVersion < newest.version
       OR (d.schemaEventVersion = newest.version AND d.schemaHash <= newest.hash) AS replaces
SET d.schemaEventVersion = CASE WHEN replaces THEN newest.version ELSE d.schemaEventVersion END,
    d.schemaHash = CASE WHEN replaces THEN newest.hash ELSE d.schemaHash END,
    d.schemaVersion = CASE WHEN replaces THEN newest.hash ELSE d.schemaVersion END
WITH rows
UNWIND rows AS row
WITH row
WHERE row.writeFields
RETURN row.index AS index
