// The adjacency index's load (lineage/index), one page of fields: a label scan, paged by SKIP/LIMIT in scan order, each
// with its dataset. current: in the dataset's current schema (or the dataset has none), as dataset-fields.cypher's
// caller keeps them; a column walk from a dataset starts at those.
MATCH (f:Field)
WITH f SKIP $skip LIMIT $limit
MATCH (d:Dataset)-[:HAS_FIELD]->(f)
RETURN elementId(f) AS id, elementId(d) AS dataset, f.name AS name, f.type AS type,
       d.schemaVersion IS NULL OR coalesce(f.schemaVersion = d.schemaVersion, false) AS current
