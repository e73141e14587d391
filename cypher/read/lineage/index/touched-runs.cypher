// The adjacency index's patch of the run graph (lineage/index), after a window committed: each run the window named,
// read again as it now stands, as runs.cypher reads it (its reads and versions change only with its own events).
// Seeks on the run_id constraint.
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})
RETURN elementId(r) AS id, r.runId AS runId, r.sortTime AS sortTime, r.startedAt AS startedAt,
       [(r)-[e:READ]->(d:Dataset) | {dataset: elementId(d), firstSeen: e.firstSeen,
                                     datasetVersion: e.datasetVersion}] AS reads,
       [(r)-[:CREATED]->(v:DatasetVersion)-[:VERSION_OF]->(d:Dataset) |
        {dataset: elementId(d), createdAt: v.createdAt, datasetVersion: v.datasetVersion}] AS created
