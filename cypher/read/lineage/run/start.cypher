// The start of runLineage: the run, if it is known (its element id finds it in the lineage index).
MATCH (r:Run {runId: $runId})
RETURN elementId(r) AS id, r.runId AS runId, r.sortTime AS sortTime
