// Dataset-level column lineage (columnLineage.dataset, facet 1.2): an input field that shapes the whole output
// dataset (filter, join, group-by, sort, window columns) feeds every output column. It is drawn exactly like a
// field-level derivation, (input Field)-[:FEEDS {type, subtype}]->(output Field) for each output column, so the
// graph is the same whether the producer lists such dependencies once per dataset or repeats them under every field
// (openlineage-spark does either, depending on spark.openlineage.columnLineage.datasetLineageEnabled).
// row.outputFields: the output's top-level schema fields and the fields its facet names, from the same event.
UNWIND $rows AS row
MATCH (id:Dataset {namespace: row.inputNamespace, name: row.inputDataset})
MATCH (od:Dataset {namespace: row.namespace, name: row.name})
MERGE (src:Field {namespace: row.inputNamespace, dataset: row.inputDataset, name: row.inputField})
  ON CREATE SET src.firstSeen = row.time, src.searchText = row.inputSearchText
SET src.firstSeen = CASE WHEN row.time < src.firstSeen THEN row.time ELSE src.firstSeen END
MERGE (id)-[:HAS_FIELD]->(src)
WITH row, od, src
UNWIND row.outputFields AS out
MERGE (dst:Field {namespace: row.namespace, dataset: row.name, name: out.name})
  ON CREATE SET dst.firstSeen = row.time, dst.searchText = out.searchText
SET dst.firstSeen = CASE WHEN row.time < dst.firstSeen THEN row.time ELSE dst.firstSeen END
MERGE (od)-[:HAS_FIELD]->(dst)
MERGE (src)-[e:FEEDS {type: row.type, subtype: row.subtypeKey}]->(dst)
  ON CREATE SET e.firstSeen = row.time, e.lastSeen = row.time
SET e.firstSeen = CASE WHEN row.time < e.firstSeen THEN row.time ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN row.time > e.lastSeen THEN row.time ELSE e.lastSeen END
SET e += CASE
  WHEN e.version IS NULL OR e.version <= row.version
    THEN {description: row.description, masking: row.masking, jobNamespace: row.jobNamespace,
          jobName: row.jobName, version: row.version}
  ELSE {} END
