// Every accepted event, verbatim. MERGE on the content hash makes redelivery a no-op.
CYPHER replan=skip
UNWIND $batch.rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e += row.properties, e.receivedAt = datetime()
