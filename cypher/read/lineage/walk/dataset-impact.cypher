// Everything downstream of a dataset for impact analysis, in one statement: as walk/dataset-downstream.cypher
// (nearest first, each node once at its shortest distance, streamed), without the edges, with the owners.
MATCH (s:Dataset {namespace: $namespace, name: $name})
MATCH p = (s)-[:READ_BY|WRITES*0..51]->(m)
// Soft-deleted datasets and jobs are neither answered nor walked through (all(...) is evaluated inside the expand).
WHERE all(x IN nodes(p) WHERE x.deleted IS NULL)
  // Which job-dataset edges count: the current graph's (no history mark), or with $since every edge seen since then.
  AND all(e IN relationships(p) WHERE CASE WHEN $since IS NULL THEN e.history IS NULL ELSE e.lastSeen >= $since END)
WITH m, min(length(p)) AS distance
RETURN elementId(m) AS id, m:Job AS job, m.namespace AS namespace, m.name AS name, distance, m.owners AS owners,
       // The identity step: a node with other names makes the caller walk again level by level (IdentityWalk).
       m:Dataset AND EXISTS { (m)-[:SYMLINK]-(:Dataset) } AS aliased
