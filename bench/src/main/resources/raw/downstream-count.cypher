// Everything downstream of a dataset in one statement: a distinct var-length expand, which the planner runs as a
// pruning breadth-first expand (each node once), not as path enumeration.
MATCH (s:Dataset {namespace: $namespace, name: $name})
MATCH (s)-[:READ_BY|WRITES*1..50]->(m)
RETURN count(DISTINCT m) AS descendants
