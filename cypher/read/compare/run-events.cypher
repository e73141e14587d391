// The archived events of one run, oldest first (later events override earlier facets when folded).
MATCH (e:Event)
USING INDEX SEEK e:Event(runId, eventTime)
WHERE e.runId = $runId AND e.eventTime IS NOT NULL
RETURN e.json AS json, e.jsonGzip AS jsonGzip
ORDER BY e.eventTime, e.id
LIMIT $limit
