// Current lineage runs in the direction data flows: (Dataset)-[:READ_BY]->(Job)-[:WRITES]->(Dataset).
// firstSeen/lastSeen bound when the edge held, for point-in-time lineage.
UNWIND $rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (d)-[e:READ_BY]->(j)
  ON CREATE SET e.firstSeen = row.time, e.lastSeen = row.time
SET e.firstSeen = CASE WHEN row.time < e.firstSeen THEN row.time ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN row.time > e.lastSeen THEN row.time ELSE e.lastSeen END
