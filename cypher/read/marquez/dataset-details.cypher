// What Marquez shows of each dataset beyond the shared dataset view: when a completed run last wrote it
// (lastModifiedAt) and the hash of its current schema (behind its currentVersion).
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  OPTIONAL MATCH (r:Run)-[:WROTE]->(d)
  WHERE r.state = 'COMPLETED'
  RETURN max(r.endedAt) AS lastModifiedAt
}
RETURN d.namespace AS forNamespace, d.name AS forName, lastModifiedAt, d.schemaVersion AS schemaVersion
