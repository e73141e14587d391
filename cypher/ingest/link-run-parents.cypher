// The parent facet links a run to the run (and job) it belongs to; a parent never seen itself is a placeholder
// until its own events arrive. Jobs inherit the link, giving the DAG -> task hierarchy.
UNWIND $rows AS row
MATCH (r:Run {runId: row.runId})-[:RUN_OF]->(j:Job)
MATCH (pj:Job {namespace: row.parentJobNamespace, name: row.parentJobName})
MERGE (p:Run {runId: row.parentRunId})
  ON CREATE SET p.placeholder = true, p.state = 'RUNNING', p.namespace = row.parentJobNamespace,
                p.jobName = row.parentJobName, p.firstEventAt = row.time, p.lastEventAt = row.time,
                p.sortTime = row.time
MERGE (p)-[:RUN_OF]->(pj)
MERGE (r)-[:CHILD_OF]->(p)
SET r.rootRunId = coalesce(row.rootRunId, r.rootRunId)
WITH j, pj
WHERE j <> pj
MERGE (j)-[:CHILD_OF]->(pj)
