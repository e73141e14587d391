// A dataset and all its fields; the caller keeps the current ones (schemaVersion equal to the dataset's) or those
// of the schema at a past time.
MATCH (d:Dataset {namespace: $namespace, name: $name})
WHERE d.deleted IS NULL
RETURN d.namespace AS namespace, d.name AS name, d.firstSeen AS firstSeen, d.schemaVersion AS schemaVersion,
       [(d)-[:HAS_FIELD]->(f:Field) | {id: elementId(f), field: f.name, type: f.type, firstSeen: f.firstSeen,
                                       schemaVersion: f.schemaVersion}] AS fields
