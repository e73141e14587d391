UNWIND $ids AS id
MATCH (r:Run {runId: id})-[:RUN_OF]->(j:Job)
RETURN r.runId AS id, r.state AS state, r.startedAt AS startedAt, r.endedAt AS endedAt,
       r.durationMs AS durationMs, r.nominalStartTime AS nominalStartTime, r.nominalEndTime AS nominalEndTime,
       r.errorMessage AS errorMessage, r.errorLanguage AS errorLanguage, r.stackTrace AS stackTrace,
       j.namespace AS jobNamespace, j.name AS jobName, coalesce(r.sortTime, r.startedAt, r.firstEventAt) AS sortTime
