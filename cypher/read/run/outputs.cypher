// What each run wrote, with that run's output statistics and the dataset version it created.
UNWIND $ids AS id
MATCH (r:Run {runId: id})-[e:WROTE]->(d:Dataset)
OPTIONAL MATCH (r)-[:CREATED]->(v:DatasetVersion)-[:VERSION_OF]->(d)
RETURN id AS forId, d.namespace AS namespace, d.name AS name, e.rowCount AS rowCount, e.bytes AS bytes,
       e.fileCount AS fileCount,
       v {.namespace, .dataset, .runId, .createdAt, .datasetVersion, .schemaHash, .rowCount, .bytes, .fileCount}
         AS version
ORDER BY d.namespace, d.name
