// One upstream level of runLineage: for each run of the frontier, the dataset version each of its inputs read (the
// rule of read/run/inputs) and the run that wrote it; runs in $exclude are left out, at most $limit rows.
UNWIND $frontier AS id
MATCH (r:Run {runId: id})-[e:READ]->(d:Dataset)
WITH id, e, d, coalesce(r.startedAt, e.firstSeen) AS readAt
WITH id, coalesce(
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
WITH id, v
WHERE v IS NOT NULL AND NOT v.runId IN $exclude
MATCH (w:Run {runId: v.runId})
RETURN id AS near, w.runId AS far, w.sortTime AS farTime,
       v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
         AS version
LIMIT $limit
