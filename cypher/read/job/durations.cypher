// Durations of each job's newest $limit completed runs, newest first, read in (namespace, jobName, sortTime) index
// order so that only the job's newest runs are visited.
UNWIND $keys AS key
CALL (key) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = key.namespace AND r.jobName = key.name AND r.sortTime IS NOT NULL
    AND r.state = 'COMPLETED' AND r.durationMs IS NOT NULL
  RETURN r.durationMs AS ms
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT $limit
}
RETURN key.namespace AS forNamespace, key.name AS forName, collect(ms) AS durations
