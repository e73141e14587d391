// A page of live jobs in (namespace, name) order, in one namespace or all of them ($namespace null), optionally only
// those whose latest run is in one of $states (Marquez's lastRunStates); $states null keeps every job.
MATCH (j:Job)
WHERE ($namespace IS NULL OR j.namespace = $namespace) AND j.name IS NOT NULL AND j.deleted IS NULL
CALL (j) {
  OPTIONAL MATCH (r:Run)-[:RUN_OF]->(j)
  WHERE $states IS NOT NULL AND r.placeholder IS NULL
  WITH r ORDER BY coalesce(r.startedAt, r.firstEventAt) DESC, r.runId DESC LIMIT 1
  RETURN r.state AS latestState
}
WITH j, latestState
WHERE $states IS NULL OR latestState IN $states
RETURN j.namespace AS namespace, j.name AS name
ORDER BY j.namespace, j.name
SKIP $offset
LIMIT $limit
