// The adjacency index's patch (lineage/index), after a window committed: for each dataset or job the window touched,
// read again as it now stands, with what lineage shows on it (details: documentation, job type, a job's latest run,
// the job's pointer, as jobs.cypher reads it), its current job-dataset edges both ways and its symlinks, with the neighbours' own
// flags (a neighbour's deleted mark or symlinks facet may be new too) and owners (impact answers them from the index).
// A neighbour's details are not read: they change only when it is touched itself. Seeks on the dataset_key and job_key
// constraints.
UNWIND $batch.rows AS row
CALL (row) {
  MATCH (n:Job {namespace: row.namespace, name: row.name}) WHERE row.job
  RETURN n
  UNION
  MATCH (n:Dataset {namespace: row.namespace, name: row.name}) WHERE NOT row.job
  RETURN n
}
OPTIONAL MATCH (r:Run {runId: n.latestRunId})
RETURN n {id: elementId(n), job: n:Job, .namespace, .name, .owners, deleted: n.deleted IS NOT NULL,
          declares: n:Dataset AND EXISTS { (n)-[:SYMLINK]->(:Dataset) },
          details: {description: n.description, jobType: n.jobType, integration: n.integration,
                    runId: r.runId, runState: r.state}} AS node,
       [(n)-[e:READ_BY|WRITES]->(m) WHERE e.history IS NULL |
        m {id: elementId(m), job: m:Job, .namespace, .name, .owners, deleted: m.deleted IS NOT NULL,
           declares: m:Dataset AND EXISTS { (m)-[:SYMLINK]->(:Dataset) }}] AS downstream,
       [(m)-[e:READ_BY|WRITES]->(n) WHERE e.history IS NULL |
        m {id: elementId(m), job: m:Job, .namespace, .name, .owners, deleted: m.deleted IS NOT NULL,
           declares: m:Dataset AND EXISTS { (m)-[:SYMLINK]->(:Dataset) }}] AS upstream,
       [(n)-[:SYMLINK]-(m:Dataset) |
        m {id: elementId(m), job: false, .namespace, .name, .owners, deleted: m.deleted IS NOT NULL,
           declares: EXISTS { (m)-[:SYMLINK]->(:Dataset) }}] AS symlinks
