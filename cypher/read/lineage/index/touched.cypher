// The adjacency index's patch (lineage/index), after a window committed: for each dataset or job the window touched,
// read again as it now stands, its current job-dataset edges both ways and its symlinks, with the neighbours' own
// flags (a neighbour's deleted mark or symlinks facet may be new too) and owners (impact answers them from the index). Seeks on the dataset_key and job_key constraints.
UNWIND $batch.rows AS row
CALL (row) {
  MATCH (n:Job {namespace: row.namespace, name: row.name}) WHERE row.job
  RETURN n
  UNION
  MATCH (n:Dataset {namespace: row.namespace, name: row.name}) WHERE NOT row.job
  RETURN n
}
RETURN n {id: elementId(n), job: n:Job, .namespace, .name, .owners, deleted: n.deleted IS NOT NULL,
          declares: n:Dataset AND EXISTS { (n)-[:SYMLINK]->(:Dataset) }} AS node,
       [(n)-[e:READ_BY|WRITES]->(m) WHERE e.history IS NULL |
        m {id: elementId(m), job: m:Job, .namespace, .name, .owners, deleted: m.deleted IS NOT NULL,
           declares: m:Dataset AND EXISTS { (m)-[:SYMLINK]->(:Dataset) }}] AS downstream,
       [(m)-[e:READ_BY|WRITES]->(n) WHERE e.history IS NULL |
        m {id: elementId(m), job: m:Job, .namespace, .name, .owners, deleted: m.deleted IS NOT NULL,
           declares: m:Dataset AND EXISTS { (m)-[:SYMLINK]->(:Dataset) }}] AS upstream,
       [(n)-[:SYMLINK]-(m:Dataset) |
        m {id: elementId(m), job: false, .namespace, .name, .owners, deleted: m.deleted IS NOT NULL,
           declares: EXISTS { (m)-[:SYMLINK]->(:Dataset) }}] AS symlinks
