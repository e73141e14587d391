MATCH (q:QualityCheck)
WHERE q.time >= $since AND q.failed > 0
MATCH (r:Run)-[:CHECKED]->(q)
WHERE ($job IS NULL OR (r.namespace = $job.namespace AND r.jobName = $job.name))
  AND ($runIds IS NULL OR r.runId IN $runIds)
  AND NOT EXISTS { (q)-[:OF_DATASET]->(d:Dataset) WHERE d.deleted IS NOT NULL }
  AND NOT EXISTS { (r)-[:RUN_OF]->(j:Job) WHERE j.deleted IS NOT NULL }
RETURN r.runId AS runId, q.time AS time, r.namespace AS namespace, r.jobName AS jobName,
       q.namespace AS datasetNamespace, q.dataset AS datasetName, q.assertions AS assertions
ORDER BY time DESC
LIMIT $first
