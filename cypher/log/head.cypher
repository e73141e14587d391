// The last position committed to the Neo4j event log (none yet: no head).
OPTIONAL MATCH (head:EventLogHead {name: 'events'})
RETURN coalesce(head.position, 0) AS position
