// One downstream level of runLineage: for each run of the frontier, the versions it created and the runs that read
// them. A reader of the dataset counts when its read resolves to that version (the rule of read/run/inputs, applied
// to each candidate); candidates are the readers that name the version or read at or after it was created. Runs in
// $exclude are left out, at most $limit rows.
UNWIND $frontier AS id
MATCH (:Run {runId: id})-[:CREATED]->(v:DatasetVersion)-[:VERSION_OF]->(d:Dataset)
MATCH (d)<-[e:READ]-(r:Run)
WHERE r.runId <> id AND NOT r.runId IN $exclude
  AND (e.datasetVersion = v.datasetVersion OR coalesce(r.startedAt, e.firstSeen) >= v.createdAt)
WITH id, v, d, e, r, coalesce(r.startedAt, e.firstSeen) AS readAt
WITH id, v, r, coalesce(
  head(COLLECT {
    MATCH (n:DatasetVersion {namespace: d.namespace, dataset: d.name, datasetVersion: e.datasetVersion})
    WHERE n.runId <> r.runId
    RETURN n ORDER BY n.createdAt DESC, n.runId DESC LIMIT 1
  }),
  head(COLLECT {
    MATCH (n:DatasetVersion {namespace: d.namespace, dataset: d.name})
    WHERE n.createdAt <= readAt AND n.runId <> r.runId
    RETURN n ORDER BY n.createdAt DESC, n.runId DESC LIMIT 1
  })) AS read
WITH id, v, r
WHERE read = v
RETURN id AS near, r.runId AS far, r.sortTime AS farTime,
       v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
         AS version
LIMIT $limit
