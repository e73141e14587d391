// The jobs writing each dataset: on the current graph (edges of each job's latest version) by default; with $history
// every job that ever wrote it; with $since every job whose report of writing it is that recent, current or not (as
// lineage(since:)).
UNWIND $keys AS key
MATCH (j:Job)-[e:WRITES]->(d:Dataset {namespace: key.namespace, name: key.name})
WHERE j.deleted IS NULL
  AND CASE WHEN $since IS NOT NULL THEN e.lastSeen >= $since WHEN $history THEN true ELSE e.history IS NULL END
RETURN d.namespace AS forNamespace, d.name AS forName, j.namespace AS namespace, j.name AS name
ORDER BY j.namespace, j.name
