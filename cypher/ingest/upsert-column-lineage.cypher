// Column lineage, in the direction data flows: (input Field)-[:FEEDS]->(output Field), one edge per
// transformation (type, subtype). Datasets referenced only here were created by upsert-datasets.
UNWIND $rows AS row
MATCH (id:Dataset {namespace: row.inputNamespace, name: row.inputDataset})
MATCH (od:Dataset {namespace: row.namespace, name: row.name})
MERGE (src:Field {namespace: row.inputNamespace, dataset: row.inputDataset, name: row.inputField})
  ON CREATE SET src.firstSeen = row.time, src.searchText = row.inputSearchText
SET src.firstSeen = CASE WHEN row.time < src.firstSeen THEN row.time ELSE src.firstSeen END
MERGE (id)-[:HAS_FIELD]->(src)
MERGE (dst:Field {namespace: row.namespace, dataset: row.name, name: row.outputField})
  ON CREATE SET dst.firstSeen = row.time, dst.searchText = row.outputSearchText
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
