UNWIND $keys AS key
MATCH (d:Dataset)-[:READ_BY]->(j:Job {namespace: key.namespace, name: key.name})
WHERE d.deleted IS NULL
RETURN j.namespace AS forNamespace, j.name AS forName, d.namespace AS namespace, d.name AS name
ORDER BY d.namespace, d.name
