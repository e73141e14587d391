// A page of raw events within [$after, $before) by event time, newest first or oldest first ($ascending), on the
// event-time index (Marquez's /events/lineage).
MATCH (e:Event)
WHERE e.eventTime >= $after AND e.eventTime < $before
RETURN e.json AS json, e.jsonGzip AS jsonGzip
ORDER BY CASE WHEN $ascending THEN e.eventTime END ASC, CASE WHEN NOT $ascending THEN e.eventTime END DESC, e.id
SKIP $offset
LIMIT $limit
