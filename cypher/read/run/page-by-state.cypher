// The Runs page filtered by state (no namespace or job): the (state, sortTime) index gives the state's runs newest
// first, so the page stops at $limit. See page.cypher for the window and cursor.
MATCH (r:Run)
WHERE r.state = $state AND r.sortTime >= $since AND r.sortTime < $until AND r.sortTime <= $upper
  AND ($afterId IS NULL OR r.sortTime < $upper OR r.runId < $afterId)
  AND r.placeholder IS NULL
RETURN r.runId AS runId
ORDER BY r.sortTime DESC, r.runId DESC
LIMIT $limit
