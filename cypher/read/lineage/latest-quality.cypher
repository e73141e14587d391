// Whether each dataset's newest quality check (by check time, then run id, as read/dataset/quality orders them)
// had failed assertions; datasets never checked are left out.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  MATCH (:Run)-[:CHECKED]->(q:QualityCheck)-[:OF_DATASET]->(d)
  RETURN q
  ORDER BY q.time DESC, q.runId DESC
  LIMIT 1
}
RETURN d.namespace AS namespace, d.name AS name, coalesce(q.failed, 0) > 0 AS failed
