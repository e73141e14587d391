// A page of each dataset's versions, newest first (createdAt, then writing run id), before the page's cursor (upper,
// afterId): an index-ordered range seek on (namespace, dataset, createdAt) that stops at $limit.
UNWIND $pages AS page
CALL (page) {
  MATCH (v:DatasetVersion)
  USING INDEX v:DatasetVersion(namespace, dataset, createdAt)
  WHERE v.namespace = page.namespace AND v.dataset = page.name AND v.createdAt <= page.upper
    AND (v.createdAt < page.upper OR v.runId < page.afterId)
  RETURN v
  ORDER BY v.namespace DESC, v.dataset DESC, v.createdAt DESC, v.runId DESC
  LIMIT $limit
}
RETURN page.namespace AS forNamespace, page.name AS forName,
       v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
         AS version
