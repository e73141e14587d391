// A job's versions, keyed by the content hash of its datasets and defining facets (see link-job-versions).
CREATE CONSTRAINT job_version_key IF NOT EXISTS
FOR (v:JobVersion) REQUIRE (v.namespace, v.job, v.hash) IS UNIQUE;
