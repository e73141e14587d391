// A whole lineage walk from a dataset, upstream (where the start's data came from), in one statement:
// min(length(p)) over a var-length pattern from ONE start found by a unique-index seek is planned as a pruning
// breadth-first expand (VarLengthExpand(Pruning,BFS)) that yields each node once, at its shortest distance, nearest
// first, lazily: the caller (NearestFirst) stops reading after the depth cap + 1 or the level where maxNodes is
// reached, and the expand stops with it. The bound is MAX_DEPTH + 1 (for the "anything further?" probe) because a
// var-length bound cannot be a parameter. Do not add grouping keys beside m: they turn the expand into an eager
// aggregation over everything reachable.
// next: the node's neighbours in the walk's direction, from which the caller keeps the edges it walked.
MATCH (s:Dataset {namespace: $namespace, name: $name})
MATCH p = (s)<-[:READ_BY|WRITES*0..51]-(m)
// Soft-deleted datasets and jobs are neither answered nor walked through (all(...) is evaluated inside the expand).
WHERE all(x IN nodes(p) WHERE x.deleted IS NULL)
  // Which job-dataset edges count: the current graph's (no history mark), or with $since every edge seen since then.
  AND all(e IN relationships(p) WHERE CASE WHEN $since IS NULL THEN e.history IS NULL ELSE e.lastSeen >= $since END)
WITH m, min(length(p)) AS distance
// A job's latest run: the pointer ingest keeps on the job (ingest/point-latest-runs.cypher), one unique seek per row,
// so it streams too.
OPTIONAL MATCH (r:Run {runId: m.latestRunId})
RETURN elementId(m) AS id, m:Job AS job, m.namespace AS namespace, m.name AS name, distance,
       m.description AS description, m.owners AS owners, m.jobType AS jobType, m.integration AS integration,
       r.runId AS runId, r.state AS runState,
       // The identity step: a node with other names makes the caller walk again level by level (IdentityWalk).
       m:Dataset AND EXISTS { (m)-[:SYMLINK]-(:Dataset) } AS aliased,
       [(m)<-[e:READ_BY|WRITES]-(next)
        WHERE CASE WHEN $since IS NULL THEN e.history IS NULL ELSE e.lastSeen >= $since END | elementId(next)] AS next
