// jobDependencies: control flow between jobs, (downstream:Job)-[:DEPENDS_ON]->(upstream:Job), apart from the data
// flow of READ_BY/WRITES. firstSeen/lastSeen take the min and max report time; the rules are the newest report's
// (version = fixed-width time + event id), so the edge does not depend on arrival order. An edge no later report
// names stays (control flow has no versions to settle it against).
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (down:Job {namespace: row.downstreamNamespace, name: row.downstreamName})
MATCH (up:Job {namespace: row.upstreamNamespace, name: row.upstreamName})
MERGE (down)-[e:DEPENDS_ON]->(up)
  ON CREATE SET e.firstSeen = row.firstSeen, e.lastSeen = row.lastSeen
SET e.firstSeen = CASE WHEN row.firstSeen < e.firstSeen THEN row.firstSeen ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN row.lastSeen > e.lastSeen THEN row.lastSeen ELSE e.lastSeen END
SET e += CASE WHEN e.version IS NULL OR e.version <= row.version
  THEN {version: row.version, dependencyType: row.dependencyType, sequenceTriggerRule: row.sequenceTriggerRule,
        statusTriggerRule: row.statusTriggerRule}
  ELSE {} END
