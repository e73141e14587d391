// How many versions a job has (Marquez's totalCount of job versions).
MATCH (v:JobVersion {namespace: $namespace, job: $name})
RETURN count(v) AS count
