// Run lists (the Runs page, a job's runs) are newest first by sortTime = coalesce(startedAt, firstEventAt), which
// ingest maintains. An equality prefix (state, namespace, job) followed by sortTime lets a filtered page be read in
// index order and stop at its limit instead of sorting every matching run.
CREATE INDEX run_sort_time IF NOT EXISTS FOR (r:Run) ON (r.sortTime);
CREATE INDEX run_state_sort_time IF NOT EXISTS FOR (r:Run) ON (r.state, r.sortTime);
CREATE INDEX run_namespace_sort_time IF NOT EXISTS FOR (r:Run) ON (r.namespace, r.sortTime);
CREATE INDEX run_job_sort_time IF NOT EXISTS FOR (r:Run) ON (r.namespace, r.jobName, r.sortTime);
// Runs written before sortTime existed; a no-op once every run has it.
MATCH (r:Run) WHERE r.sortTime IS NULL
CALL (r) { SET r.sortTime = coalesce(r.startedAt, r.firstEventAt) } IN TRANSACTIONS OF 10000 ROWS;
