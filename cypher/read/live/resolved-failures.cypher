// Completed runs whose job's previous ended run (by start time, on the (namespace, jobName, sortTime) index) failed:
// the completion resolves that failure, as IssueFinder's failed runs are the JOB_EXECUTION issues.
UNWIND $runIds AS runId
MATCH (r:Run {runId: runId})-[:RUN_OF]->(j:Job)
WHERE r.state = 'COMPLETED' AND r.sortTime IS NOT NULL AND j.deleted IS NULL
CALL (r) {
  MATCH (p:Run)
  USING INDEX p:Run(namespace, jobName, sortTime)
  WHERE p.namespace = r.namespace AND p.jobName = r.jobName AND p.sortTime < r.sortTime
    AND p.endedAt IS NOT NULL
  RETURN p
  ORDER BY p.namespace DESC, p.jobName DESC, p.sortTime DESC
  LIMIT 1
}
WITH r, p
WHERE p.state = 'FAILED'
RETURN r.runId AS runId, p.runId AS failedRunId, r.endedAt AS time, r.namespace AS namespace,
       r.jobName AS jobName, null AS datasetNamespace, null AS datasetName
