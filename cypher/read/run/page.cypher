// The Runs page without state, namespace or job filter: newest first by sortTime, then run id, within
// [$since, $until) and after the cursor ($upper, $afterId). A range seek on the sortTime index that stops at $limit.
MATCH (r:Run)
USING INDEX r:Run(sortTime)
WHERE r.sortTime >= $since AND r.sortTime < $until AND r.sortTime <= $upper
  AND ($afterId IS NULL OR r.sortTime < $upper OR r.runId < $afterId)
  AND r.placeholder IS NULL
RETURN r.runId AS runId
ORDER BY r.sortTime DESC, r.runId DESC
LIMIT $limit
