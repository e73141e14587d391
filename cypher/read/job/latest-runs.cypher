// The run that started last: the START time where known, else the run's earliest event.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
CALL (j) {
  MATCH (r:Run)-[:RUN_OF]->(j)
  WHERE r.placeholder IS NULL
  RETURN r
  ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC
  LIMIT 1
}
RETURN j.namespace AS forNamespace, j.name AS forName, r.runId AS runId
