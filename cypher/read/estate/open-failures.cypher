// Jobs with a run failed since $since whose latest ended run (by start time) failed: the failure no completed run
// has resolved yet (the rule of the issueResolved subscription, read/live/resolved-failures.cypher).
MATCH (r:Run)
WHERE r.endedAt >= $since AND r.state = 'FAILED'
WITH DISTINCT r.namespace AS namespace, r.jobName AS name
MATCH (j:Job {namespace: namespace, name: name})
WHERE j.deleted IS NULL
CALL (j) {
  MATCH (p:Run)
  USING INDEX p:Run(namespace, jobName, sortTime)
  WHERE p.namespace = j.namespace AND p.jobName = j.name AND p.sortTime IS NOT NULL AND p.endedAt IS NOT NULL
  RETURN p
  ORDER BY p.namespace DESC, p.jobName DESC, p.sortTime DESC
  LIMIT 1
}
WITH j, p
WHERE p.state = 'FAILED'
RETURN j.namespace AS namespace, j.name AS name, p.runId AS runId, p.endedAt AS time, p.errorMessage AS errorMessage
ORDER BY time DESC, namespace, name
LIMIT $limit
