// The dataset versions a run lineage walk on the index crossed, as run/upstream.cypher returns them: one row per key
// (dataset, writing run), on the dataset_version_key constraint.
UNWIND $keys AS key
MATCH (v:DatasetVersion {namespace: key.namespace, dataset: key.dataset, runId: key.runId})
RETURN v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
         AS version
