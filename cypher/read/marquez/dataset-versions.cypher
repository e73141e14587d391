// A page of one dataset's versions, newest first (createdAt, then writing run id), or the one $runId names.
MATCH (v:DatasetVersion)
USING INDEX v:DatasetVersion(namespace, dataset, createdAt)
WHERE v.namespace = $namespace AND v.dataset = $name AND v.createdAt IS NOT NULL
  AND ($runId IS NULL OR v.runId = $runId)
RETURN v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
  AS version
ORDER BY v.namespace DESC, v.dataset DESC, v.createdAt DESC, v.runId DESC
SKIP $offset
LIMIT $limit
