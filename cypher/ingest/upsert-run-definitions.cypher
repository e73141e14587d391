// The job facets that define a job version (sql, sourceCodeLocation, jobType) as one run reported them: the newest
// event carrying each wins, so the run's version does not depend on the order its events arrive in.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})
WITH r, row
WHERE r['definitionVersion_' + row.name] IS NULL OR r['definitionVersion_' + row.name] <= row.version
SET r['definition_' + row.name] = row.value, r['definitionVersion_' + row.name] = row.version
