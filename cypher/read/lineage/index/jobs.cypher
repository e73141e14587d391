// The adjacency index's load (lineage/index), one page of jobs: a label scan, paged by SKIP/LIMIT in scan order, with
// what lineage shows on a job: documentation, job type and its latest run, found as the streamed walks find it
// (walk/*.cypher: an index-ordered seek on run_job_sort_time that stops at the first run, not a sort of its runs).
// flows: the job's WRITES edges, history ones too (current: false; they decide which derivations are current). Edges
// come with their nodes' pages so that nothing pages over relationships (SKIP over a million edges reads every skipped
// one again on each page).
MATCH (n:Job)
WITH n SKIP $skip LIMIT $limit
OPTIONAL CALL (n) {
  MATCH (r:Run)
  USING INDEX SEEK r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = n.namespace AND r.jobName = n.name AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
  RETURN r
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
RETURN elementId(n) AS id, true AS job, n.namespace AS namespace, n.name AS name, n.deleted IS NOT NULL AS deleted, n.owners AS owners,
       false AS declares, n.description AS description, n.jobType AS jobType, n.integration AS integration,
       r.runId AS runId, r.state AS runState,
       [(n)-[e:WRITES]->(d:Dataset) | {to: elementId(d), current: e.history IS NULL}] AS flows
