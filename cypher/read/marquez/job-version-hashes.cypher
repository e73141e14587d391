// Every version hash of a job, for finding the one a Marquez version id (a name-based UUID of the hash) stands for.
MATCH (v:JobVersion {namespace: $namespace, job: $name})
RETURN v.hash AS hash
