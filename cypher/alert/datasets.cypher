// What the dataset rules need of each dataset: owners and tags (for scopes), the jobs writing it in current lineage (a
// job whose latest version dropped it no longer counts), its newest quality check, the newest completed run that
// wrote it (with its output statistics) and its current and previous schema.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
WHERE d.deleted IS NULL
CALL (d) {
  OPTIONAL MATCH (j:Job)-[e:WRITES]->(d)
  WHERE e.history IS NULL
  WITH j LIMIT 1000
  RETURN collect(j.name) AS producers
}
CALL (d) {
  OPTIONAL MATCH (q:QualityCheck)-[:OF_DATASET]->(d)
  RETURN q ORDER BY q.time DESC LIMIT 1
}
CALL (d) {
  OPTIONAL MATCH (w:Run)-[wrote:WROTE]->(d)
  WHERE w.state = 'COMPLETED'
  RETURN w, wrote ORDER BY w.endedAt DESC LIMIT 1
}
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_SCHEMA]->(s:SchemaVersion)
  WHERE s.hash <> d.schemaHash
  RETURN s AS previous ORDER BY s.lastVersion DESC LIMIT 1
}
OPTIONAL MATCH (current:SchemaVersion {namespace: d.namespace, dataset: d.name, hash: d.schemaHash})
RETURN d.namespace AS namespace, d.name AS name, d.owners AS owners, d.tags AS tags, producers,
       q.runId AS qualityRunId, q.time AS qualityTime, q.failed AS qualityFailed, q.assertions AS assertions,
       q.rowCount AS qualityRowCount, q.bytes AS qualityBytes, q.columnMetrics AS columnMetrics,
       w.runId AS writtenRunId, w.endedAt AS writtenAt, wrote.rowCount AS writtenRows, wrote.bytes AS writtenBytes,
       wrote.fileCount AS writtenFiles,
       current.hash AS schemaHash, current.fields AS schemaFields, current.firstSeen AS schemaSince,
       previous.hash AS previousSchemaHash, previous.fields AS previousSchemaFields
