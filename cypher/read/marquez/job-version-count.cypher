// How many versions a job has (Marquez's totalCount of job versions).
MATCH (v:JobVersion {namespace: $namespace, job: $name})
USING INDEX SEEK v:JobVersion(namespace, job, hash)
WHERE v.hash IS NOT NULL
RETURN count(v) AS count
