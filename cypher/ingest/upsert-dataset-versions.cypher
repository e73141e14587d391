// One DatasetVersion per dataset a run wrote (keyed by the writing run), made again from the graph for every run of
// the batch, after its WROTE edges and its state: what it holds is a function of everything the run's events reported,
// whatever their order or number. createdAt is when the run ended, or, while it runs, its latest event. The version's
// schema hash, statistics and datasetVersion facet value are the newest the run reported for that output.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (r:Run {runId: row.runId})-[w:WROTE]->(d:Dataset)
MERGE (v:DatasetVersion {namespace: d.namespace, dataset: d.name, runId: r.runId})
SET v.createdAt = coalesce(r.endedAt, r.lastEventAt),
    v.schemaHash = w.schemaHash,
    v.datasetVersion = w.datasetVersion,
    v.rowCount = w.rowCount,
    v.bytes = w.bytes,
    v.fileCount = w.fileCount
MERGE (v)-[:VERSION_OF]->(d)
MERGE (r)-[:CREATED]->(v)
