// The columns fed, directly or not, by the given fields of one dataset (up to $depth derivation steps), with the
// field each starts from: which downstream columns a schema change touches. Soft-deleted datasets are left out, and
// so are derivations that only a job's earlier version reported (see read/lineage/column-downstream.cypher).
UNWIND $fields AS field
MATCH (f:Field {namespace: $namespace, dataset: $dataset, name: field})
USING INDEX SEEK f:Field(namespace, dataset, name)
MATCH p = (f)-[:FEEDS*1..10]->(g:Field)
WHERE length(p) <= $depth
  AND NOT EXISTS { MATCH (x:Dataset {namespace: g.namespace, name: g.dataset}) WHERE x.deleted IS NOT NULL }
  AND all(e IN relationships(p) WHERE
        NOT EXISTS { MATCH (:Dataset {namespace: startNode(e).namespace, name: startNode(e).dataset})-[h:READ_BY]->
                           (:Job {namespace: e.jobNamespace, name: e.jobName}) WHERE h.history }
        AND NOT EXISTS { MATCH (:Job {namespace: e.jobNamespace, name: e.jobName})-[h:WRITES]->
                               (:Dataset {namespace: endNode(e).namespace, name: endNode(e).dataset}) WHERE h.history })
WITH field, g, min(length(p)) AS distance
RETURN field AS from, g.namespace AS namespace, g.dataset AS dataset, g.name AS name, distance
ORDER BY distance, namespace, dataset, name
LIMIT $limit
