// Generated job -[:WRITES]-> dataset edges.
UNWIND $rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
CREATE (j)-[:WRITES {firstSeen: $time, lastSeen: $time}]->(d)
