// Jobs written before ingest kept their latest run on the job (ingest/point-latest-runs.cypher has the rule); a no-op
// on a store whose jobs all have it (a job without runs is looked at again, one index seek).
MATCH (j:Job) WHERE j.latestRunId IS NULL
CALL (j) {
  OPTIONAL CALL (j) {
    MATCH (r:Run)
    USING INDEX SEEK r:Run(namespace, jobName, sortTime)
    WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
    RETURN r.runId AS latest
    ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
    LIMIT 1
  }
  WITH j, latest WHERE latest IS NOT NULL
  SET j.latestRunId = latest
} IN TRANSACTIONS OF 10000 ROWS;
