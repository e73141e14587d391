UNWIND $keys AS key
MATCH (j:Job)-[:WRITES]->(d:Dataset {namespace: key.namespace, name: key.name})
WHERE j.deleted IS NULL
RETURN d.namespace AS forNamespace, d.name AS forName, j.namespace AS namespace, j.name AS name
ORDER BY j.namespace, j.name
