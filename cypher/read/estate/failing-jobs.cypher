// Jobs by their failed runs since $since (on the (state, sortTime) index), with all their runs since then (on the
// (namespace, jobName, sortTime) index) for the share that failed.
MATCH (r:Run)
WHERE r.state = 'FAILED' AND r.sortTime >= $since
WITH r.namespace AS namespace, r.jobName AS name, count(*) AS failures, max(r.endedAt) AS lastFailure
MATCH (j:Job {namespace: namespace, name: name})
WHERE j.deleted IS NULL
WITH namespace, name, failures, lastFailure
ORDER BY failures DESC, lastFailure DESC, namespace, name
LIMIT $limit
CALL (namespace, name) {
  MATCH (a:Run)
  WHERE a.namespace = namespace AND a.jobName = name AND a.sortTime >= $since
  RETURN count(a) AS runs
}
RETURN namespace, name, failures, runs, lastFailure
