// What Marquez shows of each job beyond the shared job view: its inputs and outputs in current lineage (history edges
// left out, as Marquez answers from the job's current version), its parent job, its latest run (started last: the job's pointer) and its
// current version: that of its newest completed run with a version (the version current lineage follows), else that of
// its newest run with one (a job whose runs all failed).
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
CALL (j) {
  OPTIONAL MATCH (d:Dataset)-[e:READ_BY]->(j)
  WHERE d.deleted IS NULL AND e.history IS NULL
  WITH d ORDER BY d.namespace, d.name
  RETURN collect([d.namespace, d.name]) AS inputs
}
CALL (j) {
  OPTIONAL MATCH (j)-[e:WRITES]->(d:Dataset)
  WHERE d.deleted IS NULL AND e.history IS NULL
  WITH d ORDER BY d.namespace, d.name
  RETURN collect([d.namespace, d.name]) AS outputs
}
CALL (j) {
  OPTIONAL MATCH (j)-[:CHILD_OF]->(p:Job)
  RETURN p.name AS parentJobName LIMIT 1
}
// Both read the job's runs newest first in index order and stop at the first that qualifies.
OPTIONAL CALL (j) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL
    AND r.state = 'COMPLETED' AND r.jobVersion IS NOT NULL
  RETURN r.jobVersion AS completedVersion
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
OPTIONAL CALL (j) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL AND r.jobVersion IS NOT NULL
  RETURN r.jobVersion AS anyVersion
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
RETURN j.namespace AS forNamespace, j.name AS forName, j.firstSeen AS createdAt, j.lastSeen AS updatedAt, inputs,
       outputs, parentJobName, j.latestRunId AS latestRunId, coalesce(completedVersion, anyVersion) AS currentVersion
