// Each touched job's latest run, kept on the job as latestRunId so that lineage walks, the lineage index and the run
// listings' "latest" read one unique seek instead of an index-ordered seek per job: the newest run by sortTime (START
// time, else first event) then runId, placeholders aside. Set from the graph as it stands after the window, for every
// job whose runs the window touched (a late START moves its run's sortTime earlier, so a newer-wins rule would not
// do): the same whatever the order of arrival. Written only when it changes.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (j:Job {namespace: row.namespace, name: row.name})
OPTIONAL CALL (j) {
  MATCH (r:Run)
  USING INDEX SEEK r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
  RETURN r.runId AS latest
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
WITH j, latest
WHERE j.latestRunId IS NULL <> (latest IS NULL) OR j.latestRunId <> latest
SET j.latestRunId = latest
