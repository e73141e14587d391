// The Runs page filtered by job namespace (and optionally state): the (namespace, sortTime) index gives the
// namespace's runs newest first (ordering by the constant namespace too shows the planner that the index order is
// the page's order). See page.cypher for the window and cursor.
MATCH (r:Run)
USING INDEX r:Run(namespace, sortTime)
WHERE r.namespace = $namespace AND r.sortTime >= $since AND r.sortTime < $until AND r.sortTime <= $upper
  AND ($afterId IS NULL OR r.sortTime < $upper OR r.runId < $afterId)
  AND ($state IS NULL OR r.state = $state)
  AND r.placeholder IS NULL
RETURN r.runId AS runId
ORDER BY r.namespace DESC, r.sortTime DESC, r.runId DESC
LIMIT $limit
