// How many runs one job has (Marquez's totalCount of a job's runs).
MATCH (r:Run)
WHERE r.namespace = $namespace AND r.jobName = $job AND r.placeholder IS NULL
RETURN count(r) AS count
