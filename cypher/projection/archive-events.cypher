// The archive of events the file log acknowledged, as it has always been kept: MERGE on the content hash makes
// redelivery and re-projection no-ops; the time the service received it is the log's.
UNWIND $batch.rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e += row.properties
