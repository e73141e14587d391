// The column-lineage rows that would change the graph (read only): an edge not there yet, an event earlier than the
// edge's first sighting, or values taken from another ColumnLineageVersion. Nothing else about an existing edge
// depends on the event, so repeating a facet writes nothing.
// Each end is sought on its key on its own: as one pattern, a store with few fields got a plan that scanned every
// field for every row, and kept it while the store grew (issue 12).
CYPHER replan=skip
UNWIND $batch.rows AS row
OPTIONAL MATCH (input:Field {namespace: row.inputNamespace, dataset: row.inputDataset, name: row.inputName})
USING INDEX SEEK input:Field(namespace, dataset, name)
OPTIONAL MATCH (output:Field {namespace: row.outputNamespace, dataset: row.outputDataset, name: row.outputName})
USING INDEX SEEK output:Field(namespace, dataset, name)
OPTIONAL MATCH (input)-[e:FEEDS {type: row.type, subtype: row.subtypeKey}]->(output)
WITH row, e
WHERE e IS NULL OR row.time < e.firstSeen OR e.lineageHash IS NULL OR e.lineageHash <> row.hash
RETURN row.index AS index
