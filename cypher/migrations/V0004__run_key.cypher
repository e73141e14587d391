// Run ids are client-generated UUIDs (v7 from Airflow and Spark), kept across a run's events.
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.runId IS UNIQUE;
