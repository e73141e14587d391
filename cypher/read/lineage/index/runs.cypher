// The adjacency index's load (lineage/index), one page of runs for run lineage: a label scan, paged by SKIP/LIMIT in
// scan order, after the datasets (each read and version names its dataset by element id). What run lineage's rule
// (run/upstream.cypher, run/downstream.cypher) decides from: the run's start and sort time, each dataset it read with
// the read's first sighting and datasetVersion facet, and each version it created with its time and datasetVersion.
MATCH (r:Run)
WITH r SKIP $skip LIMIT $limit
RETURN elementId(r) AS id, r.runId AS runId, r.sortTime AS sortTime, r.startedAt AS startedAt,
       [(r)-[e:READ]->(d:Dataset) | {dataset: elementId(d), firstSeen: e.firstSeen,
                                     datasetVersion: e.datasetVersion}] AS reads,
       [(r)-[:CREATED]->(v:DatasetVersion)-[:VERSION_OF]->(d:Dataset) |
        {dataset: elementId(d), createdAt: v.createdAt, datasetVersion: v.datasetVersion}] AS created
