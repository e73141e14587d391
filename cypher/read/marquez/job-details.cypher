// What Marquez shows of each job beyond the shared job view: its current inputs and outputs, its parent job and its
// latest run (started last).
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
CALL (j) {
  OPTIONAL MATCH (d:Dataset)-[:READ_BY]->(j)
  WHERE d.deleted IS NULL
  WITH d ORDER BY d.namespace, d.name
  RETURN collect([d.namespace, d.name]) AS inputs
}
CALL (j) {
  OPTIONAL MATCH (j)-[:WRITES]->(d:Dataset)
  WHERE d.deleted IS NULL
  WITH d ORDER BY d.namespace, d.name
  RETURN collect([d.namespace, d.name]) AS outputs
}
CALL (j) {
  OPTIONAL MATCH (j)-[:CHILD_OF]->(p:Job)
  RETURN p.name AS parentJobName LIMIT 1
}
CALL (j) {
  OPTIONAL MATCH (r:Run)-[:RUN_OF]->(j)
  WHERE r.placeholder IS NULL
  WITH r ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC LIMIT 1
  RETURN r.runId AS latestRunId
}
RETURN j.namespace AS forNamespace, j.name AS forName, j.firstSeen AS createdAt, j.lastSeen AS updatedAt, inputs,
       outputs, parentJobName, latestRunId
