// The start of a lineage walk: a job by its key, an index seek on the job_key constraint.
MATCH (n:Job {namespace: $namespace, name: $name})
WHERE n.deleted IS NULL
RETURN elementId(n) AS id, n.namespace AS namespace, n.name AS name, n.firstSeen AS firstSeen
