// A completed run whose duration is more than 3 standard deviations from the mean of the job's previous 30
// completed runs (at least 5 of them, so that one early run does not make everything an outlier).
MATCH (r:Run)
WHERE r.endedAt >= $since
  AND r.state = 'COMPLETED' AND r.durationMs IS NOT NULL
  AND ($job IS NULL OR (r.namespace = $job.namespace AND r.jobName = $job.name))
  AND ($runIds IS NULL OR r.runId IN $runIds)
MATCH (r)-[:RUN_OF]->(j:Job)
WHERE j.deleted IS NULL
CALL (r, j) {
  MATCH (p:Run)-[:RUN_OF]->(j)
  WHERE p.state = 'COMPLETED' AND p.durationMs IS NOT NULL AND p.endedAt < r.endedAt
  WITH p ORDER BY p.endedAt DESC LIMIT 30
  RETURN avg(p.durationMs) AS mean, stDevP(p.durationMs) AS stddev, count(p) AS previous
}
WITH r, mean, stddev, previous
WHERE previous >= 5 AND abs(r.durationMs - mean) > 3 * stddev AND (stddev > 0 OR r.durationMs <> mean)
RETURN r.runId AS runId, r.endedAt AS time, r.namespace AS namespace, r.jobName AS jobName,
       r.durationMs AS durationMs, mean, stddev
ORDER BY time DESC
LIMIT $first
