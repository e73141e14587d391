// What one run wrote, with that run's output statistics (newest report wins), and
// the newest schema hash and datasetVersion facet value it reported for the dataset, each guarded by its own version.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (r)-[e:WROTE]->(d)
  ON CREATE SET e.firstSeen = row.firstSeen
SET e.firstSeen = CASE WHEN row.firstSeen < e.firstSeen THEN row.firstSeen ELSE e.firstSeen END
SET e += CASE
  WHEN row.statistics IS NOT NULL AND (e.statisticsVersion IS NULL OR e.statisticsVersion <= row.version)
    THEN row.statistics
  ELSE {} END
SET e += CASE
  WHEN row.schemaHash IS NOT NULL AND (e.schemaHashVersion IS NULL OR e.schemaHashVersion <= row.schemaHashVersion)
    THEN {schemaHash: row.schemaHash, schemaHashVersion: row.schemaHashVersion}
  ELSE {} END
SET e += CASE
  WHEN row.datasetVersion IS NOT NULL
    AND (e.datasetVersionVersion IS NULL OR e.datasetVersionVersion <= row.datasetVersionVersion)
    THEN {datasetVersion: row.datasetVersion, datasetVersionVersion: row.datasetVersionVersion}
  ELSE {} END
