// Run state is settled by the newest terminal event (time, then COMPLETE > FAIL > ABORT, then event id), so
// COMPLETE before START, no START at all, or RUNNING after COMPLETE all end in the same state. sortTime orders run
// lists (newest first): the START time where known, else the earliest event.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MERGE (r:Run {runId: row.runId})
  ON CREATE SET r.state = 'RUNNING', r.firstEventAt = row.time, r.lastEventAt = row.time
// A placeholder's event times came from its children's events; the run's own events replace them.
SET r.firstEventAt = CASE WHEN r.placeholder THEN row.time ELSE r.firstEventAt END,
    r.lastEventAt = CASE WHEN r.placeholder THEN row.time ELSE r.lastEventAt END
REMOVE r.placeholder
SET r.namespace = row.jobNamespace,
    r.jobName = row.jobName,
    r.firstEventAt = CASE WHEN row.time < r.firstEventAt THEN row.time ELSE r.firstEventAt END,
    r.lastEventAt = CASE WHEN row.time > r.lastEventAt THEN row.time ELSE r.lastEventAt END,
    r.startedAt = CASE
      WHEN row.eventType = 'START' AND (r.startedAt IS NULL OR row.time < r.startedAt) THEN row.time
      ELSE r.startedAt END
SET r += CASE
  WHEN row.terminalVersion IS NOT NULL AND (r.terminalVersion IS NULL OR r.terminalVersion < row.terminalVersion)
    THEN {state: row.terminalState, endedAt: row.time, terminalVersion: row.terminalVersion}
  ELSE {} END
SET r.durationMs = CASE
  WHEN r.startedAt IS NOT NULL AND r.endedAt IS NOT NULL
    THEN r.endedAt.epochMillis - r.startedAt.epochMillis
  ELSE null END,
    r.sortTime = coalesce(r.startedAt, r.firstEventAt)
MERGE (r)-[:RUN_OF]->(j)
WITH r, row
UNWIND row.facets AS facet
// The newest of this transaction's rows per facet first, so that rows cannot act on each other's stale reads.
WITH r, facet.name AS name, collect(facet) AS sent
WITH r, reduce(newest = head(sent), f IN tail(sent) | CASE WHEN f.version > newest.version THEN f ELSE newest END)
  AS facet
WHERE r['facetVersion_' + facet.name] IS NULL OR r['facetVersion_' + facet.name] <= facet.version
SET r += facet.properties
