// The adjacency index's load (lineage/index), one page of jobs: a label scan, paged by SKIP/LIMIT in scan order.
MATCH (n:Job)
WITH n SKIP $skip LIMIT $limit
RETURN elementId(n) AS id, true AS job, n.namespace AS namespace, n.name AS name, n.deleted IS NOT NULL AS deleted, n.owners AS owners,
       false AS declares
