// Control flow (jobDependencies, DEPENDS_ON) touching the given jobs: each edge once, upstream job first, between live
// jobs. Ignores asOf/since: control flow has no versions.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})-[e:DEPENDS_ON]-(other:Job)
WHERE j.deleted IS NULL AND other.deleted IS NULL
WITH DISTINCT e, startNode(e) AS down, endNode(e) AS up
RETURN up.namespace AS upNamespace, up.name AS upName, down.namespace AS downNamespace, down.name AS downName,
       e.dependencyType AS dependencyType, e.sequenceTriggerRule AS sequenceTriggerRule,
       e.statusTriggerRule AS statusTriggerRule
ORDER BY upNamespace, upName, downNamespace, downName
