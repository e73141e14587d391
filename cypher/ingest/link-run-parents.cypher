// The parent facet links a run to the run (and job) it belongs to; a parent never seen itself is a placeholder
// until its own events arrive, its event times spanning its children's until then (upsert-runs replaces them).
// Jobs inherit the link, giving the DAG -> task hierarchy.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})-[:RUN_OF]->(j:Job)
USING INDEX SEEK r:Run(runId)
MATCH (pj:Job {namespace: row.parentJobNamespace, name: row.parentJobName})
USING INDEX SEEK pj:Job(namespace, name)
MERGE (p:Run {runId: row.parentRunId})
  ON CREATE SET p.placeholder = true, p.state = 'RUNNING', p.namespace = row.parentJobNamespace,
                p.jobName = row.parentJobName, p.firstEventAt = row.time, p.lastEventAt = row.time,
                p.sortTime = row.time
  ON MATCH SET p.firstEventAt = CASE
                 WHEN p.placeholder AND row.time < p.firstEventAt THEN row.time ELSE p.firstEventAt END,
               p.lastEventAt = CASE
                 WHEN p.placeholder AND row.time > p.lastEventAt THEN row.time ELSE p.lastEventAt END,
               p.sortTime = CASE
                 WHEN p.placeholder AND row.time < p.sortTime THEN row.time ELSE p.sortTime END
MERGE (p)-[:RUN_OF]->(pj)
MERGE (r)-[:CHILD_OF]->(p)
SET r.rootRunId = coalesce(row.rootRunId, r.rootRunId)
WITH j, pj
WHERE j <> pj
MERGE (j)-[:CHILD_OF]->(pj)
