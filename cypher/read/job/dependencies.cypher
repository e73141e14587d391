// The jobs each job depends on (jobDependencies facet: control flow), live ones only.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})-[:DEPENDS_ON]->(up:Job)
WHERE up.deleted IS NULL
RETURN j.namespace AS forNamespace, j.name AS forName, up.namespace AS namespace, up.name AS name
ORDER BY up.namespace, up.name
