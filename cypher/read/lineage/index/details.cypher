// What lineage shows on each node an index walk kept (lineage/index), all of them in one statement: documentation,
// ownership, job type, and each job's latest run found as the streamed walks find it (walk/*.cypher: an index-ordered
// seek on run_job_sort_time that stops at the first run, not a sort of the job's runs).
UNWIND $ids AS id
MATCH (m) WHERE elementId(m) = id
OPTIONAL CALL (m) {
  WITH m WHERE m:Job
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = m.namespace AND r.jobName = m.name AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
  RETURN r
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
RETURN id, m.description AS description, m.owners AS owners, m.jobType AS jobType, m.integration AS integration,
       r.runId AS runId, r.state AS runState
