// Which edges of a walk are history (no longer in their job's current version; see settle-current-lineage): only a
// walk with since or asOf follows them. An edge joins a job and a dataset, or across symlinks any name of it: it is
// history when no current READ_BY (reads) or WRITES edge joins the job and one of those names.
UNWIND $edges AS edge
MATCH (j:Job) WHERE elementId(j) = edge.job
MATCH (s:Dataset) WHERE elementId(s) = edge.dataset
WITH edge, j, s
WHERE NOT EXISTS {
  MATCH (s)-[:SYMLINK*0..8]-(d:Dataset)
  MATCH (d)-[e:READ_BY|WRITES]-(j)
  WHERE e.history IS NULL AND (type(e) = 'READ_BY') = edge.reads
}
RETURN edge.job AS job, edge.dataset AS dataset, edge.reads AS reads
