// Each run's archived events in event-time order (then id, for events at the same time), read in (runId, eventTime)
// index order: the composite index needs a predicate on eventTime too.
UNWIND $ids AS id
CALL (id) {
  MATCH (e:Event)
  WHERE e.runId = id AND e.eventTime IS NOT NULL
  RETURN e
  ORDER BY e.runId, e.eventTime, e.id
}
RETURN id AS forId, e.json AS json, e.jsonGzip AS jsonGzip
