// The run that started last (the START time where known, else the run's earliest event): the job's pointer, kept by
// ingest/point-latest-runs.cypher.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
MATCH (r:Run {runId: j.latestRunId})
RETURN j.namespace AS forNamespace, j.name AS forName, r.runId AS runId
