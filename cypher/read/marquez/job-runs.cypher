// A page of one job's runs, newest first, on the (namespace, jobName, sortTime) index.
MATCH (r:Run)
USING INDEX r:Run(namespace, jobName, sortTime)
WHERE r.namespace = $namespace AND r.jobName = $job AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
RETURN r.runId AS runId
ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
SKIP $offset
LIMIT $limit
