// What Marquez shows of each dataset beyond the shared dataset view: when a completed run last wrote it
// (lastModifiedAt), the hash of its current schema, and its newest dataset version (behind its currentVersion).
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  OPTIONAL MATCH (r:Run)-[:WROTE]->(d)
  WHERE r.state = 'COMPLETED'
  RETURN max(r.endedAt) AS lastModifiedAt
}
OPTIONAL CALL (d) {
  MATCH (v:DatasetVersion)
  USING INDEX v:DatasetVersion(namespace, dataset, createdAt)
  WHERE v.namespace = d.namespace AND v.dataset = d.name AND v.createdAt IS NOT NULL
  RETURN v.runId AS latestVersion
  ORDER BY v.namespace DESC, v.dataset DESC, v.createdAt DESC, v.runId DESC
  LIMIT 1
}
RETURN d.namespace AS forNamespace, d.name AS forName, lastModifiedAt, d.schemaVersion AS schemaVersion, latestVersion
