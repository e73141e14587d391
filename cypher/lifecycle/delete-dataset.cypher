// Soft delete: the dataset is hidden from lineage, search, listings and issues until an event mentions it again
// (the ingest upsert removes the flag). Nothing is removed, so history and the raw archive stay whole. A second
// delete keeps the first time.
MATCH (d:Dataset {namespace: $namespace, name: $name})
SET d.deleted = coalesce(d.deleted, $now)
RETURN d.namespace AS namespace, d.name AS name, d.deleted AS deletedAt
