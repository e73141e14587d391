// The columns fed, directly or not, by the given fields of one dataset (up to $depth derivation steps), with the
// field each starts from: which downstream columns a schema change touches. Soft-deleted datasets are left out.
UNWIND $fields AS field
MATCH (f:Field {namespace: $namespace, dataset: $dataset, name: field})
MATCH p = (f)-[:FEEDS*1..10]->(g:Field)
WHERE length(p) <= $depth
  AND NOT EXISTS { MATCH (x:Dataset {namespace: g.namespace, name: g.dataset}) WHERE x.deleted IS NOT NULL }
WITH field, g, min(length(p)) AS distance
RETURN field AS from, g.namespace AS namespace, g.dataset AS dataset, g.name AS name, distance
ORDER BY distance, namespace, dataset, name
LIMIT $limit
