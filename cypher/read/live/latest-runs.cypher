// Each job's run that started most recently and its state: what LineageNode.latestRunId and latestRunState say
// (read/lineage/details.cypher), for jobs whose runs just had events.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
MATCH (r:Run {runId: j.latestRunId})
RETURN j.namespace AS namespace, j.name AS name, r.runId AS runId, r.state AS state
