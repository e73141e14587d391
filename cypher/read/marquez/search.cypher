// Marquez's search over jobs and datasets: the full-text index (see read/search/search.cypher for $query), narrowed
// to $kinds, a namespace and a last-seen window, sorted by name or by last seen (newest first).
CALL db.index.fulltext.queryNodes('search_text_v2', $query) YIELD node
WITH node, CASE WHEN node:Job THEN 'JOB' WHEN node:Dataset THEN 'DATASET' END AS kind
WHERE kind IN $kinds AND node.deleted IS NULL
  AND ($namespace IS NULL OR node.namespace = $namespace)
  AND ($after IS NULL OR node.lastSeen >= $after)
  AND ($before IS NULL OR node.lastSeen < $before)
RETURN kind, node.namespace AS namespace, node.name AS name, node.lastSeen AS updatedAt
ORDER BY CASE WHEN $byUpdate THEN node.lastSeen END DESC, name, namespace, kind
LIMIT $limit
