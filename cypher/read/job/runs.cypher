// A page of each job's runs, newest first (sortTime, then run id), after the page's cursor (upper, afterId): a range
// seek on the (namespace, jobName, sortTime) index that stops at $limit. Placeholders (runs known only as a parent)
// are left out. Ordering by the constant namespace and job too shows the planner that the index order is the page's.
UNWIND $pages AS page
CALL (page) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = page.namespace AND r.jobName = page.name AND r.sortTime <= page.upper
    AND (page.afterId IS NULL OR r.sortTime < page.upper OR r.runId < page.afterId)
    AND r.placeholder IS NULL
  RETURN r
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT $limit
}
RETURN page.namespace AS forNamespace, page.name AS forName, r.runId AS runId
