// The schema each dataset had at $asOf: of its SchemaVersions first seen at or before then, the most recent one.
// Datasets without such a version return no row.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  MATCH (d)-[:HAS_SCHEMA]->(s:SchemaVersion)
  WHERE s.firstSeen <= $asOf
  RETURN s
  ORDER BY s.firstSeen DESC, s.lastSeen DESC, s.hash
  LIMIT 1
}
RETURN d.namespace AS namespace, d.name AS name, s.fields AS fields
