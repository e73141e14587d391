// Owners named by tags (`owner:<name>`, the tags facet's key `owner`) of the given datasets and jobs.
UNWIND $nodes AS node
CALL (node) {
  OPTIONAL MATCH (d:Dataset {namespace: node.namespace, name: node.name})
  WHERE node.kind = 'DATASET'
  RETURN d.tags AS datasetTags
}
CALL (node) {
  OPTIONAL MATCH (j:Job {namespace: node.namespace, name: node.name})
  WHERE node.kind = 'JOB'
  RETURN j.tags AS jobTags
}
WITH node, [t IN coalesce(datasetTags, jobTags, []) WHERE t STARTS WITH 'owner:' | substring(t, 6)] AS owners
WHERE size(owners) > 0
RETURN node.kind AS kind, node.namespace AS namespace, node.name AS name, owners
