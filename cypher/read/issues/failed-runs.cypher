MATCH (r:Run)
WHERE r.endedAt >= $since AND r.state = 'FAILED'
  AND ($job IS NULL OR (r.namespace = $job.namespace AND r.jobName = $job.name))
  AND ($runIds IS NULL OR r.runId IN $runIds)
  AND NOT EXISTS { (r)-[:RUN_OF]->(j:Job) WHERE j.deleted IS NOT NULL }
RETURN r.runId AS runId, r.endedAt AS time, r.namespace AS namespace, r.jobName AS jobName,
       r.errorMessage AS errorMessage
ORDER BY time DESC
LIMIT $first
