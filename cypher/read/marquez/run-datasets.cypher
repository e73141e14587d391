// The datasets each run read and wrote, with their current schema version (Marquez's inputDatasetVersions and
// outputDatasetVersions).
UNWIND $ids AS id
MATCH (r:Run {runId: id})
CALL (r) {
  OPTIONAL MATCH (r)-[:READ]->(d:Dataset)
  WITH d ORDER BY d.namespace, d.name
  RETURN collect(DISTINCT [d.namespace, d.name, d.schemaVersion]) AS inputs
}
CALL (r) {
  OPTIONAL MATCH (r)-[:WROTE]->(d:Dataset)
  WITH d ORDER BY d.namespace, d.name
  RETURN collect(DISTINCT [d.namespace, d.name, d.schemaVersion]) AS outputs
}
RETURN id AS forId, inputs, outputs
