// Other names of the same physical dataset, both ways: symlinks this dataset's facet declares (OUTGOING) and
// datasets whose symlinks facet names this one (INCOMING).
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
CALL (d) {
  MATCH (d)-[s:SYMLINK]->(o:Dataset)
  WHERE o <> d
  RETURN o, s.type AS type, 'OUTGOING' AS direction
  UNION
  MATCH (d)<-[s:SYMLINK]-(o:Dataset)
  WHERE o <> d
  RETURN o, s.type AS type, 'INCOMING' AS direction
}
RETURN d.namespace AS forNamespace, d.name AS forName, o.namespace AS namespace, o.name AS name, type, direction
ORDER BY direction DESC, namespace, name
