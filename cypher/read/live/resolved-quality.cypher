// Quality checks that all passed where the dataset's previous check (by time) had a failed assertion: the passing
// check resolves that DATA_QUALITY issue.
UNWIND $checks AS c
MATCH (q:QualityCheck {runId: c.runId, namespace: c.namespace, dataset: c.dataset})-[:OF_DATASET]->(d:Dataset)
WHERE q.failed = 0 AND d.deleted IS NULL
MATCH (r:Run {runId: q.runId})
CALL (q, d) {
  MATCH (p:QualityCheck)-[:OF_DATASET]->(d)
  WHERE p.time < q.time
  RETURN p
  ORDER BY p.time DESC, p.runId DESC
  LIMIT 1
}
WITH q, r, p
WHERE p.failed > 0
RETURN q.runId AS runId, p.runId AS failedRunId, q.time AS time, r.namespace AS namespace, r.jobName AS jobName,
       q.namespace AS datasetNamespace, q.dataset AS datasetName
