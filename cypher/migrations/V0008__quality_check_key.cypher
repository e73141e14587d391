// Data-quality results are kept per (run, dataset).
CREATE CONSTRAINT quality_check_key IF NOT EXISTS
FOR (q:QualityCheck) REQUIRE (q.runId, q.namespace, q.dataset) IS UNIQUE;
