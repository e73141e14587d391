// Namespaces in name order, a page of them, with the first and last time anything in them was seen (Marquez's
// createdAt and updatedAt) and the owners of their jobs and datasets. $name narrows the list to one namespace.
MATCH (n:Namespace)
WHERE $name IS NULL OR n.name = $name
WITH n ORDER BY n.name SKIP $offset LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (j:Job) WHERE j.namespace = n.name AND j.name IS NOT NULL
  RETURN min(j.firstSeen) AS jobsFirst, max(j.lastSeen) AS jobsLast
}
CALL (n) {
  OPTIONAL MATCH (d:Dataset) WHERE d.namespace = n.name AND d.name IS NOT NULL
  RETURN min(d.firstSeen) AS datasetsFirst, max(d.lastSeen) AS datasetsLast
}
RETURN n.name AS name,
       CASE WHEN jobsFirst IS NULL OR datasetsFirst < jobsFirst THEN datasetsFirst ELSE jobsFirst END AS createdAt,
       CASE WHEN jobsLast IS NULL OR datasetsLast > jobsLast THEN datasetsLast ELSE jobsLast END AS updatedAt
