// Up to $maxNodes datasets and jobs within 10 hops either way, in one statement (distinct var-length expands).
MATCH (s:Dataset {namespace: $namespace, name: $name})
CALL (s) {
  MATCH (s)-[:READ_BY|WRITES*1..10]->(m) RETURN DISTINCT m
  UNION
  MATCH (s)<-[:READ_BY|WRITES*1..10]-(m) RETURN DISTINCT m
}
RETURN elementId(m) AS id, m.namespace AS namespace, m.name AS name
LIMIT $maxNodes
