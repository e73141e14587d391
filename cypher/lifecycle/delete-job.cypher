// Soft delete of a job; see delete-dataset.cypher. Its runs stay (they are history) but leave the issues lists.
MATCH (j:Job {namespace: $namespace, name: $name})
SET j.deleted = coalesce(j.deleted, $now)
RETURN j.namespace AS namespace, j.name AS name, j.deleted AS deletedAt
