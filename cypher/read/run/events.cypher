// Each run's archived events in event-time order (then id, for events at the same time), via the (runId, eventTime)
// index.
UNWIND $ids AS id
CALL (id) {
  MATCH (e:Event)
  WHERE e.runId = id
  RETURN e
  ORDER BY e.eventTime, e.id
}
RETURN id AS forId, e.json AS json
