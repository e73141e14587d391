// Column lineage, in the direction data flows: (input Field)-[:FEEDS]->(output Field), one edge per
// transformation (type, subtype), for the rows column-lineage-changes returned. Datasets referenced only here were
// created by upsert-datasets. First seen is the earliest event reporting the edge; its description, masking and job
// come from the newest ColumnLineageVersion reporting it (the greatest lastVersion, ties to the greater hash), whose
// hash the edge keeps as lineageHash. When each version was last sent is on the ColumnLineageVersion. Rows are
// grouped per edge first, so that each edge is decided once from every version of this transaction reporting it.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (c:ColumnLineageVersion {namespace: row.outputNamespace, dataset: row.outputDataset, hash: row.hash})
WITH row.inputNamespace AS inputNamespace, row.inputDataset AS inputDataset, row.inputName AS inputField,
     row.outputNamespace AS namespace, row.outputDataset AS name, row.outputName AS outputField, row.type AS type,
     row.subtypeKey AS subtype, min(row.time) AS time,
     collect({row: row, hash: c.hash, lastVersion: c.lastVersion}) AS candidates
WITH inputNamespace, inputDataset, inputField, namespace, name, outputField, type, subtype, time,
     reduce(best = head(candidates), c IN tail(candidates) |
       CASE WHEN c.lastVersion > best.lastVersion OR (c.lastVersion = best.lastVersion AND c.hash > best.hash)
         THEN c ELSE best END) AS best
MATCH (id:Dataset {namespace: inputNamespace, name: inputDataset})
MATCH (od:Dataset {namespace: namespace, name: name})
MERGE (src:Field {namespace: inputNamespace, dataset: inputDataset, name: inputField})
  ON CREATE SET src.firstSeen = time, src.searchText = best.row.inputSearchText
SET src.firstSeen = CASE WHEN time < src.firstSeen THEN time ELSE src.firstSeen END
MERGE (id)-[:HAS_FIELD]->(src)
MERGE (dst:Field {namespace: namespace, dataset: name, name: outputField})
  ON CREATE SET dst.firstSeen = time, dst.searchText = best.row.outputSearchText
SET dst.firstSeen = CASE WHEN time < dst.firstSeen THEN time ELSE dst.firstSeen END
MERGE (od)-[:HAS_FIELD]->(dst)
MERGE (src)-[e:FEEDS {type: type, subtype: subtype}]->(dst)
  ON CREATE SET e.firstSeen = time
SET e.firstSeen = CASE WHEN time < e.firstSeen THEN time ELSE e.firstSeen END
WITH e, best, namespace, name
OPTIONAL MATCH (held:ColumnLineageVersion {namespace: namespace, dataset: name, hash: e.lineageHash})
WITH e, best, held
// An edge without lineageHash predates ColumnLineageVersions: its version property orders it instead.
WHERE coalesce(e.lineageHash, '') <> best.hash
  AND (coalesce(held.lastVersion, e.version, '') < best.lastVersion
       OR (held.lastVersion = best.lastVersion AND held.hash < best.hash))
SET e.description = best.row.description, e.masking = best.row.masking, e.jobNamespace = best.row.jobNamespace,
    e.jobName = best.row.jobName, e.lineageHash = best.hash
REMOVE e.version, e.lastSeen
