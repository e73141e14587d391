// The adjacency index's patch of the column graph (lineage/index), after a window committed: for each dataset the
// window touched, and each dataset a touched job writes (now or before: whether its derivations are current depends on
// the job's edges), its fields as they now stand with the derivations into each field (up). Derivations out of a field
// are not read: a derivation is written with its target's dataset, which the window therefore touched, and the index
// mirrors each field's up list into its sources' down lists. The far end comes with its dataset, which the index may
// not know yet (a dataset named only in a column lineage facet is not touched itself). current as in the load
// (datasets.cypher). Seeks on the dataset_key and job_key constraints.
UNWIND $batch.rows AS row
CALL (row) {
  MATCH (d:Dataset {namespace: row.namespace, name: row.name}) WHERE NOT row.job
  RETURN d
  UNION
  MATCH (:Job {namespace: row.namespace, name: row.name})-[:WRITES]->(d:Dataset) WHERE row.job
  RETURN d
}
WITH DISTINCT d
RETURN d {id: elementId(d), job: false, .namespace, .name, .owners, deleted: d.deleted IS NOT NULL,
          declares: EXISTS { (d)-[:SYMLINK]->(:Dataset) }} AS dataset,
       [(d)-[:HAS_FIELD]->(f:Field) | f {
          id: elementId(f), .name, .type,
          current: d.schemaVersion IS NULL OR coalesce(f.schemaVersion = d.schemaVersion, false),
          up: [(s:Field)-[e:FEEDS]->(f) | e {
                   .type, .subtype, .description, .masking, .jobNamespace, .jobName,
                   current: NOT EXISTS { MATCH (:Dataset {namespace: s.namespace, name: s.dataset})-[h:READ_BY]->
                                             (:Job {namespace: e.jobNamespace, name: e.jobName}) WHERE h.history }
                            AND NOT EXISTS { MATCH (:Job {namespace: e.jobNamespace, name: e.jobName})-[h:WRITES]->
                                             (:Dataset {namespace: f.namespace, name: f.dataset}) WHERE h.history },
                   far: head([(o:Dataset)-[:HAS_FIELD]->(s) | s {
                          id: elementId(s), .name, .type,
                          current: o.schemaVersion IS NULL OR coalesce(s.schemaVersion = o.schemaVersion, false),
                          dataset: o {id: elementId(o), job: false, .namespace, .name, .owners,
                                      deleted: o.deleted IS NOT NULL,
                                      declares: EXISTS { (o)-[:SYMLINK]->(:Dataset) }}}])}]
       }] AS fields
