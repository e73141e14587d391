// The datasets each job writes in current lineage (its latest version; history edges left out).
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})-[e:WRITES]->(d:Dataset)
WHERE d.deleted IS NULL AND e.history IS NULL
RETURN j.namespace AS forNamespace, j.name AS forName, d.namespace AS namespace, d.name AS name
ORDER BY d.namespace, d.name
