// What each run read, with that run's input statistics and the dataset version it read: the one its datasetVersion
// input facet names (newest such, when reruns wrote the same value), else the newest version created at or before
// its read (its START, else the first event that reported the input), never one the run wrote itself. Resolved here,
// at read time, on the (namespace, dataset, createdAt) and (namespace, dataset, datasetVersion) indexes: any order of
// arrival gives the same answer and nothing is settled at write time. The same rule is in read/lineage/run/*.
UNWIND $ids AS id
MATCH (r:Run {runId: id})-[e:READ]->(d:Dataset)
WITH id, e, d, coalesce(r.startedAt, e.firstSeen) AS readAt
WITH id, e, d, coalesce(
  head(COLLECT {
    MATCH (v:DatasetVersion {namespace: d.namespace, dataset: d.name, datasetVersion: e.datasetVersion})
    WHERE v.runId <> id
    RETURN v ORDER BY v.createdAt DESC, v.runId DESC LIMIT 1
  }),
  head(COLLECT {
    MATCH (v:DatasetVersion {namespace: d.namespace, dataset: d.name})
    WHERE v.createdAt <= readAt AND v.runId <> id
    RETURN v ORDER BY v.createdAt DESC, v.runId DESC LIMIT 1
  })) AS v
RETURN id AS forId, d.namespace AS namespace, d.name AS name, e.rowCount AS rowCount, e.bytes AS bytes,
       e.fileCount AS fileCount,
       v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
         AS version
ORDER BY d.namespace, d.name
