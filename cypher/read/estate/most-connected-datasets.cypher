// Datasets by how many jobs read and write them (relationship counts kept by the database per node, so each costs
// no traversal).
MATCH (d:Dataset)
WHERE d.deleted IS NULL
WITH d, COUNT { (d)-[:READ_BY]->() } AS readers, COUNT { ()-[:WRITES]->(d) } AS writers
WHERE readers + writers > 0
RETURN d.namespace AS namespace, d.name AS name, readers, writers
ORDER BY readers + writers DESC, namespace, name
LIMIT $limit
