// The start of runLineage: the run, if it is known.
MATCH (r:Run {runId: $runId})
RETURN r.runId AS runId, r.sortTime AS sortTime
