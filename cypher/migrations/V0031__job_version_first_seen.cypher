// Job.versions pages a job's versions newest first: an index-ordered range seek on (namespace, job, firstSeen).
CREATE INDEX job_version_first_seen IF NOT EXISTS FOR (v:JobVersion) ON (v.namespace, v.job, v.firstSeen);
