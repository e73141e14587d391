// Each job's current version: that of its newest completed run with a version (the rule settle-current-lineage
// applies to current lineage), with what versions.cypher returns for each version.
UNWIND $keys AS key
CALL (key) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = key.namespace AND r.jobName = key.name AND r.sortTime IS NOT NULL
    AND r.state = 'COMPLETED' AND r.jobVersion IS NOT NULL
  RETURN r.jobVersion AS currentHash
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
MATCH (v:JobVersion {namespace: key.namespace, job: key.name, hash: currentHash})
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
RETURN key.namespace AS forNamespace, key.name AS forName,
       v {.hash, .firstSeen, .lastSeen, .inputNamespaces, .inputNames, .outputNamespaces, .outputNames, .sql,
          .sourceCodeLocation, .jobType} AS version,
       p {.hash, .firstSeen, .lastSeen, .inputNamespaces, .inputNames, .outputNamespaces, .outputNames, .sql,
          .sourceCodeLocation, .jobType} AS previous,
       COUNT { (v)<-[:OF_VERSION]-(:Run) } AS runCount, latestRunId, true AS current
