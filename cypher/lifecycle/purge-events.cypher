// One batch of the retention purge: raw archived events older than $before, oldest first, on the event_time index.
// Only :Event nodes are deleted (plain DELETE: they have no relationships, and if one ever had, the purge would fail
// rather than cut into the live graph).
MATCH (e:Event)
WHERE e.eventTime < $before
WITH e
ORDER BY e.eventTime
LIMIT $batch
DELETE e
RETURN count(*) AS purged
