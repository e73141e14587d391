// Datasets in a freshness rule's scope that some job writes in current lineage (one that only an earlier version of a
// job wrote is not expected any more), each with the end of its newest completed write (null when no write
// completed). The scope's names may be patterns ($datasetPattern, $jobPattern: regular expressions made from the
// rule's globs).
MATCH (d:Dataset)
WHERE d.deleted IS NULL
  AND ($namespace IS NULL OR d.namespace = $namespace)
  AND ($datasetPattern IS NULL OR d.name =~ $datasetPattern)
  AND ($tag IS NULL OR $tag IN coalesce(d.tags, []))
  AND ($owner IS NULL OR $owner IN coalesce(d.owners, []) OR ('owner:' + $owner) IN coalesce(d.tags, []))
  AND EXISTS { MATCH (j:Job)-[e:WRITES]->(d) WHERE e.history IS NULL AND ($jobPattern IS NULL OR j.name =~ $jobPattern) }
CALL (d) {
  OPTIONAL MATCH (r:Run)-[:WROTE]->(d)
  WHERE r.state = 'COMPLETED'
  RETURN max(r.endedAt) AS lastWritten
}
RETURN d.namespace AS namespace, d.name AS name, d.owners AS owners, d.tags AS tags, lastWritten
ORDER BY namespace, name
LIMIT $limit
