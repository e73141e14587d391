// What one run wrote, with that run's output statistics (newest report wins).
UNWIND $rows AS row
MATCH (r:Run {runId: row.runId})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (r)-[e:WROTE]->(d)
  ON CREATE SET e.firstSeen = row.firstSeen
SET e.firstSeen = CASE WHEN row.firstSeen < e.firstSeen THEN row.firstSeen ELSE e.firstSeen END
SET e += CASE
  WHEN row.statistics IS NOT NULL AND (e.statisticsVersion IS NULL OR e.statisticsVersion <= row.version)
    THEN row.statistics
  ELSE {} END
