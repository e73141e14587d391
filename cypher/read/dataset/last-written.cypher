// The run that wrote each dataset most recently: its end time, or its latest event while it still runs.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  MATCH (r:Run)-[:WROTE]->(d)
  RETURN r
  ORDER BY coalesce(r.endedAt, r.lastEventAt) DESC, r.runId DESC
  LIMIT 1
}
RETURN d.namespace AS forNamespace, d.name AS forName, r.runId AS runId, coalesce(r.endedAt, r.lastEventAt) AS time
