// The adjacency index's load (lineage/index), one page of datasets: a label scan, paged by SKIP/LIMIT in scan order
// (each page its own short read, under the read time limit). declares: its own symlinks facet names other datasets.
// description: what lineage shows on the node (the index answers it without reading the database).
MATCH (n:Dataset)
WITH n SKIP $skip LIMIT $limit
RETURN elementId(n) AS id, false AS job, n.namespace AS namespace, n.name AS name, n.deleted IS NOT NULL AS deleted, n.owners AS owners,
       EXISTS { (n)-[:SYMLINK]->(:Dataset) } AS declares, n.description AS description
