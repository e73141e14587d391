// Generated datasets with their fields, as ingest leaves them: keys, searchText, first/last seen, current schema.
UNWIND $rows AS row
CREATE (d:Dataset {namespace: row.namespace, name: row.name, searchText: row.searchText, firstSeen: $time,
                   lastSeen: $time, schemaVersion: $version, schemaHash: 'bench', owners: row.owners})
WITH d, row
UNWIND row.fields AS f
CREATE (d)-[:HAS_FIELD]->(:Field {namespace: row.namespace, dataset: row.name, name: f.name, leafName: f.name,
                                 position: f.position, ordinal: f.position, depth: 0, type: 'string',
                                 firstSeen: $time, schemaVersion: $version, searchText: f.searchText})
