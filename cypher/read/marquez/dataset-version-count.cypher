// How many versions a dataset has (Marquez's totalCount).
MATCH (v:DatasetVersion {namespace: $namespace, dataset: $name})
USING INDEX SEEK v:DatasetVersion(namespace, dataset, runId)
WHERE v.runId IS NOT NULL
RETURN count(v) AS count
