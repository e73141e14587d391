// For each job whose run an event batch ended: its settled version (that of its newest completed run with a version,
// the version current lineage follows, as ingest/settle-current-lineage.cypher decides), the version it had before
// (of the other versions with a completed run, the one seen last), and the job's dataset edges: each current one (its
// last report, which resolves an incident about it) and each history one that the version before had, i.e. an input
// or output the settled version dropped. Jobs without a completed versioned run have nothing to say.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
WHERE j.deleted IS NULL
CALL (j) {
  MATCH (r:Run)
  USING INDEX r:Run(namespace, jobName, sortTime)
  WHERE r.namespace = j.namespace AND r.jobName = j.name AND r.sortTime IS NOT NULL
    AND r.state = 'COMPLETED' AND r.jobVersion IS NOT NULL
  RETURN r AS settled
  ORDER BY r.namespace DESC, r.jobName DESC, r.sortTime DESC, r.runId DESC
  LIMIT 1
}
OPTIONAL CALL (j, settled) {
  MATCH (v:JobVersion {namespace: j.namespace, job: j.name})
  WHERE v.hash <> settled.jobVersion AND EXISTS { (v)<-[:OF_VERSION]-(:Run {state: 'COMPLETED'}) }
  RETURN v AS previous
  ORDER BY v.lastSeen DESC, v.hash
  LIMIT 1
}
CALL (j) {
  MATCH (d:Dataset)-[e:READ_BY]->(j)
  RETURN d, e, true AS input
  UNION ALL
  MATCH (j)-[e:WRITES]->(d:Dataset)
  RETURN d, e, false AS input
}
WITH j, settled, previous, d, e, input
WHERE d.deleted IS NULL
WITH j, settled, previous, d, e, input, e.history IS NOT NULL AS dropped,
     CASE WHEN input THEN [coalesce(previous.inputNamespaces, []), coalesce(previous.inputNames, [])]
          ELSE [coalesce(previous.outputNamespaces, []), coalesce(previous.outputNames, [])] END AS had
WHERE NOT dropped
   OR any(i IN range(0, size(had[1]) - 1) WHERE had[0][i] = d.namespace AND had[1][i] = d.name)
RETURN j.namespace AS jobNamespace, j.name AS jobName, d.namespace AS namespace, d.name AS name, input, dropped,
       e.lastSeen AS lastReported, settled.jobVersion AS version, settled.runId AS runId, settled.endedAt AS endedAt,
       previous.hash AS previousVersion
ORDER BY jobNamespace, jobName, input DESC, namespace, name
