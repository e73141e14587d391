// Jobs by their mean duration over the runs completed since $since, on the (state, sortTime) index.
MATCH (r:Run)
WHERE r.state = 'COMPLETED' AND r.sortTime >= $since AND r.durationMs IS NOT NULL
WITH r.namespace AS namespace, r.jobName AS name, avg(r.durationMs) AS meanMs, max(r.durationMs) AS longestMs,
     count(*) AS runs
MATCH (j:Job {namespace: namespace, name: name})
WHERE j.deleted IS NULL
RETURN namespace, name, meanMs, longestMs, runs
ORDER BY meanMs DESC, namespace, name
LIMIT $limit
