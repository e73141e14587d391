// The datasets each run read and wrote (Marquez's inputDatasetVersions and outputDatasetVersions), each with its
// current schema version and the dataset version read (the rule of read/run/inputs) or written.
UNWIND $ids AS id
MATCH (r:Run {runId: id})
CALL (r, id) {
  OPTIONAL MATCH (r)-[e:READ]->(d:Dataset)
  WITH d, e, coalesce(r.startedAt, e.firstSeen) AS readAt
  WITH d, coalesce(
    head(COLLECT {
      MATCH (v:DatasetVersion {namespace: d.namespace, dataset: d.name, datasetVersion: e.datasetVersion})
      WHERE v.runId <> id
      RETURN v.runId ORDER BY v.createdAt DESC, v.runId DESC LIMIT 1
    }),
    head(COLLECT {
      MATCH (v:DatasetVersion {namespace: d.namespace, dataset: d.name})
      WHERE v.createdAt <= readAt AND v.runId <> id
      RETURN v.runId ORDER BY v.createdAt DESC, v.runId DESC LIMIT 1
    })) AS version
  ORDER BY d.namespace, d.name
  RETURN collect(DISTINCT [d.namespace, d.name, d.schemaVersion, version]) AS inputs
}
CALL (r) {
  OPTIONAL MATCH (r)-[:WROTE]->(d:Dataset)
  OPTIONAL MATCH (r)-[:CREATED]->(v:DatasetVersion)-[:VERSION_OF]->(d)
  WITH d, v ORDER BY d.namespace, d.name
  RETURN collect(DISTINCT [d.namespace, d.name, d.schemaVersion, v.runId]) AS outputs
}
RETURN id AS forId, inputs, outputs
