// Quarantined events, newest first.
MATCH (q:QuarantinedEvent)
RETURN q.id AS id, q.position AS position, q.log AS log, q.error AS error, q.quarantinedAt AS quarantinedAt,
       q.eventTime AS eventTime
ORDER BY q.quarantinedAt DESC, q.id
LIMIT $first
