// An event the projector could not apply, with its error: kept (one node per event) until a fixed build re-projects
// it. A second failure of the same event updates the error.
UNWIND $batch.rows AS row
MERGE (q:QuarantinedEvent {id: row.id})
  ON CREATE SET q.quarantinedAt = row.at
SET q.position = row.position, q.log = row.log, q.error = row.error, q.eventTime = row.eventTime, q.kind = row.kind
