// One page of the export's soft deletes: datasets, then jobs, that are deleted now, in (kind, namespace, name) order
// after a cursor, read on the dataset_deleted / job_deleted indexes. A node still marked was deleted after the last
// event that mentions it (any later event would have revived it), so the export writes these after every event and
// a replay applies them last.
CALL () {
  MATCH (d:Dataset)
  WHERE d.deleted IS NOT NULL
  RETURN 'DATASET' AS kind, d.namespace AS namespace, d.name AS name, d.deleted AS deletedAt
  UNION ALL
  MATCH (j:Job)
  WHERE j.deleted IS NOT NULL
  RETURN 'JOB' AS kind, j.namespace AS namespace, j.name AS name, j.deleted AS deletedAt
}
WITH kind, namespace, name, deletedAt
WHERE $afterKind IS NULL OR kind > $afterKind
   OR (kind = $afterKind AND (namespace > $afterNamespace OR (namespace = $afterNamespace AND name > $afterName)))
RETURN kind, namespace, name, deletedAt
ORDER BY kind, namespace, name
LIMIT $limit
