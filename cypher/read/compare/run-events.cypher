// The archived events of one run, oldest first (later events override earlier facets when folded).
MATCH (e:Event)
WHERE e.runId = $runId
RETURN e.json AS json, e.jsonGzip AS jsonGzip
ORDER BY e.eventTime, e.id
LIMIT $limit
