// The log in order from a position, through the range index on logPosition.
MATCH (e:Event)
WHERE e.logPosition > $after
RETURN e.logPosition AS position, e.id AS id, e.source AS source, e.receivedAt AS receivedAt, e.jsonGzip AS jsonGzip,
       e.json AS json, e.kind AS kind, e.eventType AS eventType, e.eventTime AS eventTime, e.runId AS runId,
       e.jobNamespace AS jobNamespace, e.jobName AS jobName, e.producer AS producer
ORDER BY e.logPosition
LIMIT $max
