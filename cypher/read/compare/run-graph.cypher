// What the graph keeps of one run, which a retention purge of its raw events leaves alone: each dataset it read or
// wrote with the schema it reported for it (the hash on its READ/WROTE edge, resolved to the SchemaVersion's fields),
// its SQL, and how many of its raw events are still archived.
MATCH (r:Run {runId: $runId})
CALL (r) {
  OPTIONAL MATCH (r)-[e:READ|WROTE]->(d:Dataset)
  OPTIONAL MATCH (s:SchemaVersion {namespace: d.namespace, dataset: d.name, hash: e.schemaHash})
  RETURN collect({output: type(e) = 'WROTE', namespace: d.namespace, name: d.name, fields: s.fields}) AS datasets
}
RETURN r.definition_sql AS sql, datasets, COUNT {
         MATCH (ev:Event) USING INDEX SEEK ev:Event(runId, eventTime)
         WHERE ev.runId = r.runId AND ev.eventTime IS NOT NULL
       } AS archived
