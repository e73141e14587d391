// How many versions a dataset has (Marquez's totalCount).
MATCH (v:DatasetVersion {namespace: $namespace, dataset: $name})
RETURN count(v) AS count
