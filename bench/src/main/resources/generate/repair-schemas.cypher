// Stores generated before datasets.cypher wrote schemas by hash: give each generated dataset its SchemaVersion and
// convert it as migration V0015 would have, had the SchemaVersion existed (the current schema's fields, already moved
// to the hash by V0015 at a restart or not yet, all take the hash: a generated dataset has one schema). Idempotent: a
// converted dataset has a schemaEventVersion.
MATCH (d:Dataset {schemaHash: 'bench'})
WHERE d.schemaEventVersion IS NULL
CALL (d) {
  MERGE (s:SchemaVersion {namespace: d.namespace, dataset: d.name, hash: 'bench'})
    ON CREATE SET s.fields = $schema, s.firstSeen = d.firstSeen, s.lastSeen = d.lastSeen
  MERGE (d)-[:HAS_SCHEMA]->(s)
  SET s.lastVersion = d.schemaVersion, d.schemaEventVersion = d.schemaVersion, d.schemaVersion = 'bench'
  WITH d
  MATCH (d)-[:HAS_FIELD]->(f:Field)
  SET f.schemaVersion = 'bench'
} IN TRANSACTIONS OF 1000 ROWS
