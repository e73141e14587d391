// Data-quality metrics and assertions per (run, dataset); each part is kept from the newest event carrying it.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (q:QualityCheck {runId: row.runId, namespace: row.namespace, dataset: row.name})
  ON CREATE SET q.time = row.time
MERGE (r)-[:CHECKED]->(q)
MERGE (q)-[:OF_DATASET]->(d)
SET q.time = CASE WHEN row.time > q.time THEN row.time ELSE q.time END
SET q += CASE
  WHEN row.metrics IS NOT NULL AND (q.metricsVersion IS NULL OR q.metricsVersion <= row.version)
    THEN row.metrics
  ELSE {} END
SET q += CASE
  WHEN row.assertions IS NOT NULL AND (q.assertionsVersion IS NULL OR q.assertionsVersion <= row.version)
    THEN row.assertions
  ELSE {} END
