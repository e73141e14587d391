// Schemas by hash, so that ingest writes no field when a rerun repeats the current schema: a dataset's schemaVersion,
// and that of the fields of its current schema, become the current schema's hash; the newest schema event's version
// moves to the dataset's schemaEventVersion and to the current SchemaVersion's lastVersion. Fields of older schemas
// keep their old value, which names no SchemaVersion, so any schema sent again counts as newer for them. Idempotent:
// a converted dataset has a schemaEventVersion. FEEDS edges are converted as ingest next writes them (their version
// orders them until then).
MATCH (d:Dataset) WHERE d.schemaHash IS NOT NULL AND d.schemaEventVersion IS NULL
CALL (d) {
  MATCH (d)-[:HAS_FIELD]->(f:Field) WHERE f.schemaVersion = d.schemaVersion
  SET f.schemaVersion = d.schemaHash
} IN TRANSACTIONS OF 200 ROWS;
MATCH (d:Dataset)-[:HAS_SCHEMA]->(s:SchemaVersion)
WHERE d.schemaHash IS NOT NULL AND d.schemaEventVersion IS NULL AND s.hash = d.schemaHash
CALL (d, s) {
  SET s.lastVersion = d.schemaVersion, d.schemaEventVersion = d.schemaVersion, d.schemaVersion = d.schemaHash
} IN TRANSACTIONS OF 1000 ROWS;
