// A job is (namespace, name); every MERGE on Job uses exactly this key.
CREATE CONSTRAINT job_key IF NOT EXISTS FOR (j:Job) REQUIRE (j.namespace, j.name) IS UNIQUE;
