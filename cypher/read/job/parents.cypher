UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})-[:CHILD_OF]->(p:Job)
RETURN j.namespace AS forNamespace, j.name AS forName, p.namespace AS namespace, p.name AS name
