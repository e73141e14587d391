UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})<-[:CHILD_OF]-(c:Job)
RETURN j.namespace AS forNamespace, j.name AS forName, c.namespace AS namespace, c.name AS name
ORDER BY c.namespace, c.name
