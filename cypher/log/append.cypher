// The Neo4j event log: one transaction appends a group of events as archive nodes and numbers them. A SET that reads
// the property it writes takes the head's write lock before reading it, and the lock is held until commit, so groups
// (from any replica) take numbers in the order they commit: once a position is visible, every earlier one is.
// A redelivered event keeps its first number (the one it was given again is skipped); an event archived before the
// log existed gets one now.
MERGE (head:EventLogHead {name: 'events'})
  ON CREATE SET head.position = 0
SET head.position = head.position + size($batch.rows)
WITH head.position - size($batch.rows) AS base
UNWIND range(0, size($batch.rows) - 1) AS i
WITH base, i, $batch.rows[i] AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e += row.properties, e.logPosition = base + i + 1
  ON MATCH SET e.logPosition = coalesce(e.logPosition, base + i + 1)
RETURN base, count(*) AS appended
