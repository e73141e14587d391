// The Runs page filtered by state (no namespace or job): the (state, sortTime) index gives the state's runs newest
// first, so the page stops at $limit. Ordering by the constant state too lets the planner see that the index order
// is the page's order. See page.cypher for the window and cursor.
MATCH (r:Run)
USING INDEX r:Run(state, sortTime)
WHERE r.state = $state AND r.sortTime >= $since AND r.sortTime < $until AND r.sortTime <= $upper
  AND ($afterId IS NULL OR r.sortTime < $upper OR r.runId < $afterId)
  AND r.placeholder IS NULL
RETURN r.runId AS runId
ORDER BY r.state DESC, r.sortTime DESC, r.runId DESC
LIMIT $limit
