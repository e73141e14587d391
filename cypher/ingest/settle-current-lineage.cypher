// Current lineage is each job's latest version's edges: READ_BY/WRITES edges outside it carry history = true (walks
// of the current graph skip them; asOf and since walks do not). The latest version is the one of the job's newest
// completed run (sortTime, then runId) that has one; what runs still running since then report counts too (their
// datasets are not settled yet). A failed or aborted run's version is listed but does not move current lineage: a run
// that failed before reporting its outputs would hide them. A job without a completed run keeps every edge current.
// Settled from the graph as it stands after the batch, for every job the batch touched: the same whatever the order.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (j:Job {namespace: row.namespace, name: row.name})
OPTIONAL CALL (j) {
  MATCH (r:Run)
  USING INDEX SEEK r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL
    AND r.state = 'COMPLETED' AND r.jobVersion IS NOT NULL
  RETURN r AS settled
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
WITH j, settled, CASE WHEN settled IS NULL THEN [] ELSE COLLECT {
  MATCH (r:Run)
  USING INDEX SEEK r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime >= settled.sortTime
    AND r.state = 'RUNNING' AND r.placeholder IS NULL
  RETURN r
} END AS running
WITH j, settled, [settled] + running AS current
CALL (j, settled, current) {
  MATCH (d:Dataset)-[e:READ_BY]->(j)
  WITH e, settled IS NULL OR any(r IN current WHERE EXISTS { (r)-[:READ]->(d) }) AS isCurrent
  WHERE (e.history IS NULL) <> isCurrent
  SET e.history = CASE WHEN isCurrent THEN null ELSE true END
}
CALL (j, settled, current) {
  MATCH (j)-[e:WRITES]->(d:Dataset)
  WITH e, settled IS NULL OR any(r IN current WHERE EXISTS { (r)-[:WROTE]->(d) }) AS isCurrent
  WHERE (e.history IS NULL) <> isCurrent
  SET e.history = CASE WHEN isCurrent THEN null ELSE true END
}
