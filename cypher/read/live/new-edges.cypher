// Of the job-dataset edges just reported, those first seen no earlier than the earliest event reporting them: edges
// these events added (or, for an event older than every other one, moved back in time). An edge outside its job's
// latest version (history, e.g. a late event of an older run) is not part of the current graph and not reported.
UNWIND $edges AS e
MATCH (j:Job {namespace: e.jobNamespace, name: e.jobName})
MATCH (d:Dataset {namespace: e.namespace, name: e.name})
CALL (e, j, d) {
  MATCH (d)-[r:READ_BY]->(j)
  WHERE e.input AND r.history IS NULL
  RETURN r.firstSeen AS firstSeen
  UNION ALL
  MATCH (j)-[r:WRITES]->(d)
  WHERE NOT e.input AND r.history IS NULL
  RETURN r.firstSeen AS firstSeen
}
WITH e, firstSeen
WHERE firstSeen >= e.since
RETURN e.jobNamespace AS jobNamespace, e.jobName AS jobName, e.namespace AS namespace, e.name AS name,
       e.input AS input
