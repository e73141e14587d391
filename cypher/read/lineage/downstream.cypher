// One level downstream on the current graph, for the walks that cross symlinks level by level (the identity step
// sits between levels); walks without symlinks are one streamed statement (walk/). $exclude and $limit serve the
// depth-cap probe.
UNWIND $frontier AS near
MATCH (n) WHERE elementId(n) = near
MATCH (n)-[e:READ_BY|WRITES]->(m)
WHERE m.deleted IS NULL
  AND CASE WHEN $since IS NULL THEN e.history IS NULL ELSE e.lastSeen >= $since END
  AND ($exclude IS NULL OR NOT elementId(m) IN $exclude)
RETURN DISTINCT near, elementId(m) AS far, m:Job AS job, m.namespace AS namespace, m.name AS name
LIMIT $limit
