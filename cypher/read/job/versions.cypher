// A page of each job's versions, newest first (firstSeen, then hash), before the page's cursor (upper, afterHash): a
// range seek on (namespace, job, firstSeen) that stops at $limit. With each version: the one before it in that order
// (what its changes are computed against), its run count and newest run, and whether it is the job's current version
// (the version of its newest completed run, the rule settle-current-lineage applies to current lineage).
UNWIND $pages AS page
OPTIONAL CALL (page) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = page.namespace AND r.jobName = page.name AND r.sortTime IS NOT NULL
    AND r.state = 'COMPLETED' AND r.jobVersion IS NOT NULL
  RETURN r.jobVersion AS currentHash
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
CALL (page) {
  MATCH (v:JobVersion)
  USING INDEX v:JobVersion(namespace, job, firstSeen)
  WHERE v.namespace = page.namespace AND v.job = page.name AND v.firstSeen <= page.upper
    AND (v.firstSeen < page.upper OR v.hash < page.afterHash)
  RETURN v
  ORDER BY v.namespace DESC, v.job DESC, v.firstSeen DESC, v.hash DESC
  LIMIT $limit
}
OPTIONAL CALL (v) {
  MATCH (p:JobVersion)
  USING INDEX p:JobVersion(namespace, job, firstSeen)
  WHERE p.namespace = v.namespace AND p.job = v.job AND p.firstSeen <= v.firstSeen
    AND (p.firstSeen < v.firstSeen OR p.hash < v.hash)
  RETURN p
  ORDER BY p.namespace DESC, p.job DESC, p.firstSeen DESC, p.hash DESC
  LIMIT 1
}
OPTIONAL CALL (v) {
  MATCH (r:Run)-[:OF_VERSION]->(v)
  RETURN r.runId AS latestRunId
  ORDER BY r.sortTime DESC, r.runId DESC
  LIMIT 1
}
RETURN page.namespace AS forNamespace, page.name AS forName,
       v {.hash, .firstSeen, .lastSeen, .inputNamespaces, .inputNames, .outputNamespaces, .outputNames, .sql,
          .sourceCodeLocation, .jobType} AS version,
       p {.hash, .firstSeen, .lastSeen, .inputNamespaces, .inputNames, .outputNamespaces, .outputNames, .sql,
          .sourceCodeLocation, .jobType} AS previous,
       COUNT { (v)<-[:OF_VERSION]-(:Run) } AS runCount, latestRunId, coalesce(v.hash = currentHash, false) AS current
