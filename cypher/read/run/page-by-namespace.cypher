// The Runs page filtered by job namespace (and optionally state): the (namespace, sortTime) index gives the
// namespace's runs newest first. See page.cypher for the window and cursor.
MATCH (r:Run)
WHERE r.namespace = $namespace AND r.sortTime >= $since AND r.sortTime < $until AND r.sortTime <= $upper
  AND ($afterId IS NULL OR r.sortTime < $upper OR r.runId < $afterId)
  AND ($state IS NULL OR r.state = $state)
  AND r.placeholder IS NULL
RETURN r.runId AS runId
ORDER BY r.sortTime DESC, r.runId DESC
LIMIT $limit
