// The newest $limit quality results (metrics and assertions of one run) of each dataset.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  MATCH (r:Run)-[:CHECKED]->(q:QualityCheck)-[:OF_DATASET]->(d)
  RETURN r, q
  ORDER BY q.time DESC, r.runId DESC
  LIMIT $limit
}
RETURN d.namespace AS forNamespace, d.name AS forName, r.runId AS runId, q.time AS time, q.rowCount AS rowCount,
       q.bytes AS bytes, q.columnMetrics AS columnMetrics, q.assertions AS assertions,
       coalesce(q.passed, 0) AS passed, coalesce(q.failed, 0) AS failed
