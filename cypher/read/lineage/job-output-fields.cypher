// The datasets a job writes in current lineage (history edges left out), each with all its fields (the caller keeps
// the current ones): where the columns a job impacts start.
MATCH (j:Job {namespace: $namespace, name: $name})-[e:WRITES]->(d:Dataset)
WHERE j.deleted IS NULL AND d.deleted IS NULL AND e.history IS NULL
RETURN d.namespace AS namespace, d.name AS name, d.firstSeen AS firstSeen, d.schemaVersion AS schemaVersion,
       [(d)-[:HAS_FIELD]->(f:Field) | {id: elementId(f), field: f.name, type: f.type, firstSeen: f.firstSeen,
                                       schemaVersion: f.schemaVersion}] AS fields
