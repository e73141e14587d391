// Each ended run of the batch joins the job version its hash names, leaving the one it was in if a late event
// changed its datasets (a version left without runs is removed). A version's firstSeen/lastSeen are the min/max of its
// runs' event times; both only widen as a run's events arrive, so min/max over every write is the same whatever the
// order. A run leaving a version (rare) recomputes that version's span from the runs it keeps.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})
MERGE (v:JobVersion {namespace: row.jobNamespace, job: row.jobName, hash: row.hash})
  ON CREATE SET v += row.definition, v.firstSeen = r.firstEventAt, v.lastSeen = r.lastEventAt
SET v.firstSeen = CASE WHEN r.firstEventAt < v.firstSeen THEN r.firstEventAt ELSE v.firstSeen END,
    v.lastSeen = CASE WHEN r.lastEventAt > v.lastSeen THEN r.lastEventAt ELSE v.lastSeen END,
    r.jobVersion = row.hash
MERGE (r)-[:OF_VERSION]->(v)
WITH r, v
CALL (r, v) {
  MATCH (r)-[left:OF_VERSION]->(was:JobVersion)
  WHERE was <> v
  DELETE left
  WITH was
  CALL (was) {
    MATCH (was)<-[:OF_VERSION]-(kept:Run)
    WITH was, min(kept.firstEventAt) AS firstSeen, max(kept.lastEventAt) AS lastSeen
    SET was.firstSeen = firstSeen, was.lastSeen = lastSeen
  }
  WITH was WHERE NOT EXISTS { (was)<-[:OF_VERSION]-(:Run) }
  DELETE was
}
