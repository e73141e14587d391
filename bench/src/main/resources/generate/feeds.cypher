// Generated column lineage: (input Field)-[:FEEDS]->(output Field), as upsert-column-lineage leaves it.
UNWIND $rows AS row
MATCH (src:Field {namespace: row.namespace, dataset: row.from, name: row.field})
MATCH (dst:Field {namespace: row.namespace, dataset: row.to, name: row.field})
CREATE (src)-[:FEEDS {type: 'DIRECT', subtype: 'IDENTITY', description: '', masking: false, firstSeen: $time,
                      lastSeen: $time, jobNamespace: row.jobNamespace, jobName: row.jobName, version: $version}]->(dst)
