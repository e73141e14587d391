// Generated jobs, each with one completed run (the job's latest, as ingest/point-latest-runs.cypher keeps it), and the
// datasets they read (dataset -[:READ_BY]-> job).
UNWIND $rows AS row
CREATE (j:Job {namespace: row.namespace, name: row.name, searchText: row.searchText, firstSeen: $time,
               lastSeen: $time, jobType: 'TASK', integration: 'AIRFLOW', latestRunId: row.runId})
CREATE (:Run {runId: row.runId, namespace: row.namespace, jobName: row.name, state: 'COMPLETED',
              firstEventAt: $time, lastEventAt: $time, startedAt: $time, endedAt: $time, sortTime: $time,
              durationMs: 60000})-[:RUN_OF]->(j)
WITH j, row
UNWIND row.reads AS input
MATCH (d:Dataset {namespace: input.namespace, name: input.name})
CREATE (d)-[:READ_BY {firstSeen: $time, lastSeen: $time}]->(j)
