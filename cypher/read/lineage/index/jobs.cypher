// The adjacency index's load (lineage/index), one page of jobs: a label scan, paged by SKIP/LIMIT in scan order, with
// what lineage shows on a job: documentation, job type and its latest run (the pointer ingest keeps on the job, see
// ingest/point-latest-runs.cypher).
// flows: the job's WRITES edges, history ones too (current: false; they decide which derivations are current). Edges
// come with their nodes' pages so that nothing pages over relationships (SKIP over a million edges reads every skipped
// one again on each page).
MATCH (n:Job)
WITH n SKIP $skip LIMIT $limit
OPTIONAL MATCH (r:Run {runId: n.latestRunId})
RETURN elementId(n) AS id, true AS job, n.namespace AS namespace, n.name AS name, n.deleted IS NOT NULL AS deleted, n.owners AS owners,
       false AS declares, n.description AS description, n.jobType AS jobType, n.integration AS integration,
       r.runId AS runId, r.state AS runState,
       [(n)-[e:WRITES]->(d:Dataset) | {to: elementId(d), current: e.history IS NULL}] AS flows
