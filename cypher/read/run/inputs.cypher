// What each run read, with that run's input statistics.
UNWIND $ids AS id
MATCH (:Run {runId: id})-[e:READ]->(d:Dataset)
RETURN id AS forId, d.namespace AS namespace, d.name AS name, e.rowCount AS rowCount, e.bytes AS bytes,
       e.fileCount AS fileCount
ORDER BY d.namespace, d.name
