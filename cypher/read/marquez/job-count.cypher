// How many jobs job-page.cypher pages through (Marquez's totalCount), with the same filters.
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
RETURN count(j) AS count
