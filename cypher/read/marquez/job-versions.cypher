// A page of a job's versions (Marquez's job versions), newest first (by the first event of their runs), or the one
// version $hash names: the datasets that define it, as pairs of [namespace, name], and its latest run (started last).
MATCH (v:JobVersion {namespace: $namespace, job: $name})
USING INDEX SEEK v:JobVersion(namespace, job, hash)
WHERE v.hash IS NOT NULL AND ($hash IS NULL OR v.hash = $hash)
CALL (v) {
  OPTIONAL MATCH (r:Run)-[:OF_VERSION]->(v)
  WHERE r.placeholder IS NULL
  WITH r ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC LIMIT 1
  RETURN r.runId AS latestRunId
}
WITH v, latestRunId, coalesce(v.inputNamespaces, []) AS inputNamespaces, coalesce(v.inputNames, []) AS inputNames,
     coalesce(v.outputNamespaces, []) AS outputNamespaces, coalesce(v.outputNames, []) AS outputNames
RETURN v.hash AS hash, v.firstSeen AS createdAt, latestRunId,
       [i IN range(0, size(inputNames) - 1) | [inputNamespaces[i], inputNames[i]]] AS inputs,
       [i IN range(0, size(outputNames) - 1) | [outputNamespaces[i], outputNames[i]]] AS outputs
ORDER BY v.firstSeen DESC, v.hash
SKIP $offset
LIMIT $limit
