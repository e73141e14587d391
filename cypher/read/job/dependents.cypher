// The jobs that depend on each job (jobDependencies facet: control flow), live ones only.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})<-[:DEPENDS_ON]-(down:Job)
WHERE down.deleted IS NULL
RETURN j.namespace AS forNamespace, j.name AS forName, down.namespace AS namespace, down.name AS name
ORDER BY down.namespace, down.name
