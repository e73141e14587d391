// The jobs reading each dataset; which edges count as in producers.cypher.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})-[e:READ_BY]->(j:Job)
WHERE j.deleted IS NULL
  AND CASE WHEN $since IS NOT NULL THEN e.lastSeen >= $since WHEN $history THEN true ELSE e.history IS NULL END
RETURN d.namespace AS forNamespace, d.name AS forName, j.namespace AS namespace, j.name AS name
ORDER BY j.namespace, j.name
