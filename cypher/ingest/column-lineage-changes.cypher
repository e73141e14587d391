// The column-lineage rows that would change the graph (read only): an edge not there yet, an event earlier than the
// edge's first sighting, or values taken from another ColumnLineageVersion. Nothing else about an existing edge
// depends on the event, so repeating a facet writes nothing.
UNWIND $rows AS row
OPTIONAL MATCH (:Field {namespace: row.inputNamespace, dataset: row.inputDataset, name: row.inputName})
               -[e:FEEDS {type: row.type, subtype: row.subtypeKey}]->
               (:Field {namespace: row.outputNamespace, dataset: row.outputDataset, name: row.outputName})
WITH row, e
WHERE e IS NULL OR row.time < e.firstSeen OR e.lineageHash IS NULL OR e.lineageHash <> row.hash
RETURN row.index AS index
