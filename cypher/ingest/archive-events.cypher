// Every accepted event, verbatim. MERGE on the content hash makes redelivery a no-op.
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e += row.properties, e.receivedAt = datetime()
