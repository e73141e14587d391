// What the job rules need of each job an event touched: owners and tags (for scopes), the datasets it writes in
// current lineage, and its newest ended run among its 20 newest runs (read in index order, so the cost does not grow
// with the job's history).
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
WHERE j.deleted IS NULL
CALL (j) {
  MATCH (r:Run)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL
  WITH r ORDER BY r.sortTime DESC LIMIT 20
  WITH r WHERE r.endedAt IS NOT NULL
  RETURN r ORDER BY r.endedAt DESC, r.runId DESC LIMIT 1
}
CALL (j) {
  OPTIONAL MATCH (j)-[e:WRITES]->(d:Dataset)
  WHERE d.deleted IS NULL AND e.history IS NULL
  WITH d LIMIT 1000
  RETURN collect(d.name) AS outputs
}
RETURN j.namespace AS namespace, j.name AS name, j.owners AS owners, j.tags AS tags, outputs,
       r.runId AS runId, r.state AS state, r.startedAt AS startedAt, r.endedAt AS endedAt, r.durationMs AS durationMs,
       r.errorMessage AS errorMessage
