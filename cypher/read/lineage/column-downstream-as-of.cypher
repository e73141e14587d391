// One level of column lineage downstream as it stood at $asOf: a FEEDS edge counts when first seen at or before
// $asOf and, if the job that reported it had a run started at or before $asOf that reported any dataset, the latest
// such run read the input field's dataset and wrote the output field's dataset. (Whether the output field was in
// its dataset's schema at $asOf is checked by the caller, which parses the schema JSON.)
// named: the far field's dataset has symlinks, so the identity step looks up its other names (most have none).
UNWIND $frontier AS near
MATCH (n) WHERE elementId(n) = near
MATCH (n)-[e:FEEDS]->(m)
WHERE e.firstSeen <= $asOf AND ($exclude IS NULL OR NOT elementId(m) IN $exclude)
  AND NOT EXISTS { (x:Dataset)-[:HAS_FIELD]->(m) WHERE x.deleted IS NOT NULL }
  AND NOT EXISTS { MATCH (x:Job {namespace: e.jobNamespace, name: e.jobName}) WHERE x.deleted IS NOT NULL }
WITH e.jobNamespace AS jobNamespace, e.jobName AS jobName, collect({near: near, e: e, m: m}) AS hops
OPTIONAL CALL (jobNamespace, jobName) {
  MATCH (job:Job {namespace: jobNamespace, name: jobName})
  MATCH (r:Run)-[:RUN_OF]->(job)
  WHERE r.placeholder IS NULL AND coalesce(r.startedAt, r.firstEventAt) <= $asOf
    AND EXISTS { (r)-[:READ|WROTE]->(:Dataset) }
  RETURN r AS run
  ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC
  LIMIT 1
}
UNWIND hops AS hop
WITH hop.near AS near, hop.e AS e, hop.m AS m, startNode(hop.e) AS input, endNode(hop.e) AS output, run
WHERE run IS NULL
   OR (EXISTS { (run)-[:READ]->(d:Dataset) WHERE d.namespace = input.namespace AND d.name = input.dataset }
       AND EXISTS { (run)-[:WROTE]->(d:Dataset) WHERE d.namespace = output.namespace AND d.name = output.dataset })
RETURN near, elementId(m) AS far, m.namespace AS namespace, m.dataset AS dataset, m.name AS field, m.type AS type,
       e.type AS transformation, e.subtype AS subtype, e.description AS description, e.masking AS masking,
       EXISTS { (x:Dataset)-[:HAS_FIELD]->(m) WHERE EXISTS { (x)-[:SYMLINK]-(:Dataset) } } AS named,
       output.namespace AS outputNamespace, output.dataset AS outputDataset, output.name AS outputField
LIMIT $limit
