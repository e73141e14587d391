// The latest run of each given job (newest sortTime, i.e. START time else first event, then runId), placeholders
// aside: an index-ordered seek on run_job_sort_time that stops at the first run instead of sorting all of a job's
// runs (Run.namespace and Run.jobName are its job's key, as the run listings rely on). Jobs without a run give no row.
UNWIND $jobs AS job
CALL (job) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = job.namespace AND r.jobName = job.name AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
  RETURN r
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
RETURN job.id AS id, r.runId AS runId, r.state AS runState
