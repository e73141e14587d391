// The adjacency index's load (lineage/index), one page of datasets: a label scan, paged by SKIP/LIMIT in scan order
// (each page its own short read, under the read time limit). declares: its own symlinks facet names other datasets.
// description: what lineage shows on the node (the index answers it without reading the database). flows: its READ_BY
// edges, history ones too (as jobs.cypher's). fields: every field, current when in the dataset's current schema (or
// the dataset has none: a column walk from a dataset starts at those), each with the derivations that feed it
// (column lineage, (input Field)-[:FEEDS]->(this field)) and the job that reported each; whether a derivation is
// current (column-downstream.cypher's rule) the load decides from the job-dataset edges.
MATCH (n:Dataset)
WITH n SKIP $skip LIMIT $limit
RETURN elementId(n) AS id, false AS job, n.namespace AS namespace, n.name AS name, n.deleted IS NOT NULL AS deleted, n.owners AS owners,
       EXISTS { (n)-[:SYMLINK]->(:Dataset) } AS declares, n.description AS description,
       [(n)-[e:READ_BY]->(j:Job) | {to: elementId(j), current: e.history IS NULL}] AS flows,
       [(n)-[:HAS_FIELD]->(f:Field) | f {id: elementId(f), .name, .type,
          current: n.schemaVersion IS NULL OR coalesce(f.schemaVersion = n.schemaVersion, false),
          feeds: [(s:Field)-[e:FEEDS]->(f) | e {from: elementId(s), .type, .subtype, .description, .masking,
                                                .jobNamespace, .jobName}]}] AS fields
