// Every version hash of a job, for finding the one a Marquez version id (a name-based UUID of the hash) stands for.
MATCH (v:JobVersion {namespace: $namespace, job: $name})
USING INDEX SEEK v:JobVersion(namespace, job, hash)
WHERE v.hash IS NOT NULL
RETURN v.hash AS hash
