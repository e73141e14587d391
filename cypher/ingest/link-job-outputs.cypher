CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (j)-[e:WRITES]->(d)
  ON CREATE SET e.firstSeen = row.firstSeen, e.lastSeen = row.lastSeen
SET e.firstSeen = CASE WHEN row.firstSeen < e.firstSeen THEN row.firstSeen ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN row.lastSeen > e.lastSeen THEN row.lastSeen ELSE e.lastSeen END
