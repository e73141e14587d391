// One run's raw events in event-time order, after a cursor (eventTime, id).
MATCH (e:Event)
USING INDEX SEEK e:Event(runId, eventTime)
WHERE e.runId = $runId AND e.eventTime IS NOT NULL
  AND ($since IS NULL OR e.eventTime >= $since)
  AND ($until IS NULL OR e.eventTime < $until)
  AND ($afterTime IS NULL OR e.eventTime > $afterTime OR (e.eventTime = $afterTime AND e.id > $afterId))
RETURN e.id AS id, e.kind AS kind, e.eventType AS eventType, e.eventTime AS eventTime, e.runId AS runId,
       e.jobNamespace AS jobNamespace, e.jobName AS jobName, e.producer AS producer, e.receivedAt AS receivedAt,
       e.json AS json, e.jsonGzip AS jsonGzip
ORDER BY e.eventTime, e.id
LIMIT $limit
