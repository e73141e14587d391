// One breadth-first level of column lineage upstream (incoming FEEDS); see column-downstream.cypher.
// named: the far field's dataset has symlinks, so the identity step looks up its other names (most have none).
UNWIND $frontier AS near
MATCH (n) WHERE elementId(n) = near
MATCH (n)<-[e:FEEDS]-(m)
WITH near, e, m
WHERE ($exclude IS NULL OR NOT elementId(m) IN $exclude)
  AND NOT EXISTS { (x:Dataset)-[:HAS_FIELD]->(m) WHERE x.deleted IS NOT NULL }
  AND NOT EXISTS { MATCH (x:Job {namespace: e.jobNamespace, name: e.jobName}) WHERE x.deleted IS NOT NULL }
  // A derivation that only a job's earlier version reported (its edge from the input's dataset or to the output's is
  // history) is not current lineage.
  AND NOT EXISTS { MATCH (:Dataset {namespace: startNode(e).namespace, name: startNode(e).dataset})-[h:READ_BY]->
                         (:Job {namespace: e.jobNamespace, name: e.jobName}) WHERE h.history }
  AND NOT EXISTS { MATCH (:Job {namespace: e.jobNamespace, name: e.jobName})-[h:WRITES]->
                         (:Dataset {namespace: endNode(e).namespace, name: endNode(e).dataset}) WHERE h.history }
RETURN near, elementId(m) AS far, m.namespace AS namespace, m.dataset AS dataset, m.name AS field, m.type AS type,
       e.type AS transformation, e.subtype AS subtype, e.description AS description, e.masking AS masking,
       EXISTS { (x:Dataset)-[:HAS_FIELD]->(m) WHERE EXISTS { (x)-[:SYMLINK]-(:Dataset) } } AS named
LIMIT $limit
