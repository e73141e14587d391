// One page of the NDJSON export: raw events in (eventTime, id) order after a cursor, read on the event_time index.
MATCH (e:Event)
WHERE e.eventTime >= datetime('0001-01-01T00:00:00Z')
  AND ($afterTime IS NULL OR e.eventTime > $afterTime OR (e.eventTime = $afterTime AND e.id > $afterId))
RETURN e.id AS id, e.eventTime AS eventTime, e.json AS json, e.jsonGzip AS jsonGzip
ORDER BY e.eventTime, e.id
LIMIT $limit
