// An imported soft delete: marks the dataset or job as deleted at the time the export recorded. A node already
// marked keeps its earlier time (as a second delete does); a node the import has not seen (its events were purged
// before the export) is left alone and counted as skipped by the caller.
OPTIONAL MATCH (d:Dataset {namespace: $namespace, name: $name}) WHERE $kind = 'DATASET'
OPTIONAL MATCH (j:Job {namespace: $namespace, name: $name}) WHERE $kind = 'JOB'
WITH coalesce(d, j) AS n
WHERE n IS NOT NULL
SET n.deleted = CASE WHEN n.deleted IS NULL OR $deletedAt < n.deleted THEN $deletedAt ELSE n.deleted END
RETURN n.deleted AS deletedAt
