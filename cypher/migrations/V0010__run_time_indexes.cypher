// The Runs page lists runs newest first, filtered by state and namespace.
CREATE INDEX run_started IF NOT EXISTS FOR (r:Run) ON (r.startedAt);
CREATE INDEX run_first_event IF NOT EXISTS FOR (r:Run) ON (r.firstEventAt);
CREATE INDEX run_state IF NOT EXISTS FOR (r:Run) ON (r.state);
CREATE INDEX run_job IF NOT EXISTS FOR (r:Run) ON (r.namespace, r.jobName);
