// One batch of the retention purge: raw archived events older than $before, oldest first, on the event_time index.
// Only :Event nodes are deleted (plain DELETE: they have no relationships, and if one ever had, the purge would fail
// rather than cut into the live graph). An event of the Neo4j event log ($log) past its projector's recorded position
// is kept however old it is: it is still to be projected, and it is its only copy (no projector yet: position 0).
OPTIONAL MATCH (p:ProjectionPosition {log: $log})
WITH coalesce(p.position, 0) AS projected
MATCH (e:Event)
WHERE e.eventTime < $before AND (e.logPosition IS NULL OR e.logPosition <= projected)
WITH e
ORDER BY e.eventTime
LIMIT $batch
DELETE e
RETURN count(*) AS purged
