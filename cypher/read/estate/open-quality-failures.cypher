// Datasets with a failed quality check since $since whose latest check failed: no passing check has resolved it yet
// (the rule of the issueResolved subscription, read/live/resolved-quality.cypher).
MATCH (q:QualityCheck)
WHERE q.time >= $since AND q.failed > 0
WITH DISTINCT q.namespace AS namespace, q.dataset AS name
MATCH (d:Dataset {namespace: namespace, name: name})
WHERE d.deleted IS NULL
CALL (d) {
  MATCH (p:QualityCheck)-[:OF_DATASET]->(d)
  RETURN p
  ORDER BY p.time DESC, p.runId DESC
  LIMIT 1
}
WITH d, p
WHERE p.failed > 0
RETURN d.namespace AS namespace, d.name AS name, p.runId AS runId, p.time AS time, p.failed AS failed
ORDER BY time DESC, namespace, name
LIMIT $limit
