// A dataset's versions, one per run that wrote it (see upsert-dataset-versions).
CREATE CONSTRAINT dataset_version_key IF NOT EXISTS
FOR (v:DatasetVersion) REQUIRE (v.namespace, v.dataset, v.runId) IS UNIQUE;
