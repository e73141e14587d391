// One breadth-first level downstream (data flows dataset -[:READ_BY]-> job -[:WRITES]-> dataset) for a whole
// frontier at once: one row per edge, never a path. $exclude (null, or the visited ids) and $limit let the same
// statement answer "is anything unvisited one hop further?" when the depth cap is reached.
UNWIND $frontier AS near
MATCH (n) WHERE elementId(n) = near
MATCH (n)-[:READ_BY|WRITES]->(m)
WITH near, m
WHERE m.deleted IS NULL AND ($exclude IS NULL OR NOT elementId(m) IN $exclude)
RETURN near, elementId(m) AS far, m:Job AS job, m.namespace AS namespace, m.name AS name
LIMIT $limit
