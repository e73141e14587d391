// Datasets by how many jobs read and write them in current lineage. Candidates first by all their edges (relationship
// counts kept by the database per node, so each costs no traversal), then only the candidates' current edges counted:
// a job's history edges (inputs or outputs its latest version dropped) only lower a count, so ten times the answer's
// candidates hold the top ones unless history outweighs current lineage among them, and no other dataset's edges are
// read.
MATCH (d:Dataset)
WHERE d.deleted IS NULL
WITH d, COUNT { (d)-[:READ_BY]->() } + COUNT { ()-[:WRITES]->(d) } AS edges
WHERE edges > 0
WITH d, edges
ORDER BY edges DESC, d.namespace, d.name
LIMIT $limit * 10
WITH d, COUNT { (d)-[e:READ_BY]->() WHERE e.history IS NULL } AS readers,
     COUNT { ()-[e:WRITES]->(d) WHERE e.history IS NULL } AS writers
WHERE readers + writers > 0
RETURN d.namespace AS namespace, d.name AS name, readers, writers
ORDER BY readers + writers DESC, namespace, name
LIMIT $limit
