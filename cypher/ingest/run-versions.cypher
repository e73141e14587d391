// What defines the job version of each ended run of the batch, as the graph holds it after this batch: the datasets
// all its events reported (they accumulate) and its defining facets. The service hashes it (link-job-versions).
// A run that has not ended has no version yet: its datasets are not settled.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})
WHERE r.terminalVersion IS NOT NULL AND r.placeholder IS NULL
RETURN r.runId AS runId, r.namespace AS namespace, r.jobName AS jobName,
       [(r)-[:READ]->(d:Dataset) | [d.namespace, d.name]] AS inputs,
       [(r)-[:WROTE]->(d:Dataset) | [d.namespace, d.name]] AS outputs,
       r.definition_sql AS sql, r.definition_sourceCodeLocation AS sourceCodeLocation,
       r.definition_jobType AS jobType
