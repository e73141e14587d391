// The newest $limit distinct schemas of each dataset, by when each was last seen.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  MATCH (d)-[:HAS_SCHEMA]->(s:SchemaVersion)
  RETURN s
  ORDER BY s.lastSeen DESC, s.firstSeen DESC, s.hash
  LIMIT $limit
}
RETURN d.namespace AS forNamespace, d.name AS forName, s.hash AS hash, s.fields AS fields,
       s.firstSeen AS firstSeen, s.lastSeen AS lastSeen, s.hash = d.schemaHash AS current
