// What the UI shows on each returned node, for all of them in one query: documentation and ownership of datasets
// and jobs, job type, and each job's latest run with its state: on the current graph the run ingest keeps as the
// job's latest (Job.latestRunId, ingest/point-latest-runs.cypher: the walks read the same pointer); at $asOf the one
// started last at or before it, by the same rule, with its state then (a run that had not ended by $asOf was RUNNING).
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
OPTIONAL CALL (n) {
  WITH n WHERE n:Job AND $asOf IS NULL
  MATCH (r:Run {runId: n.latestRunId})
  RETURN r
  UNION
  WITH n WHERE n:Job AND $asOf IS NOT NULL
  MATCH (r:Run)-[:RUN_OF]->(n)
  WHERE r.placeholder IS NULL AND coalesce(r.startedAt, r.firstEventAt) <= $asOf
  RETURN r
  ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC
  LIMIT 1
}
RETURN id, n.description AS description, n.owners AS owners, n.jobType AS jobType, n.integration AS integration,
       r.runId AS runId,
       CASE
         WHEN r IS NULL THEN null
         WHEN $asOf IS NULL OR r.endedAt <= $asOf THEN r.state
         ELSE 'RUNNING'
       END AS runState
