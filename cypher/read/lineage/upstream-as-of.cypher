// One level upstream (incoming edges) as the graph stood at $asOf, by the same rule as downstream-as-of.cypher.
UNWIND $frontier AS near
MATCH (n) WHERE elementId(n) = near
MATCH (n)<-[e:READ_BY|WRITES]-(m)
WHERE e.firstSeen <= $asOf AND m.firstSeen <= $asOf AND m.deleted IS NULL AND ($exclude IS NULL OR NOT elementId(m) IN $exclude)
WITH CASE type(e) WHEN 'WRITES' THEN startNode(e) ELSE endNode(e) END AS job, collect({near: near, e: e, m: m}) AS hops
OPTIONAL CALL (job) {
  MATCH (r:Run)-[:RUN_OF]->(job)
  WHERE r.placeholder IS NULL AND coalesce(r.startedAt, r.firstEventAt) <= $asOf
    AND EXISTS { (r)-[:READ|WROTE]->(:Dataset) }
  RETURN r AS run
  ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC
  LIMIT 1
}
UNWIND hops AS hop
WITH hop.near AS near, hop.m AS m, type(hop.e) AS type, startNode(hop.e) AS source, endNode(hop.e) AS target, run
WHERE run IS NULL
   OR (type = 'READ_BY' AND EXISTS { (run)-[:READ]->(source) })
   OR (type = 'WRITES' AND EXISTS { (run)-[:WROTE]->(target) })
RETURN near, elementId(m) AS far, m:Job AS job, m.namespace AS namespace, m.name AS name
LIMIT $limit
