// What each run wrote, with that run's output statistics.
UNWIND $ids AS id
MATCH (:Run {runId: id})-[e:WROTE]->(d:Dataset)
RETURN id AS forId, d.namespace AS namespace, d.name AS name, e.rowCount AS rowCount, e.bytes AS bytes,
       e.fileCount AS fileCount
ORDER BY d.namespace, d.name
