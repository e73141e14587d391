// Generated datasets with their fields, as ingest leaves them: keys, searchText, first/last seen, and the current
// schema by hash (upsert-schemas, upsert-fields): a SchemaVersion holding the newest event's version, the dataset's
// schemaVersion and schemaHash naming its hash, schemaEventVersion the event's version, and each field's schemaVersion
// the hash too. Written otherwise (schemaVersion the event's version, no SchemaVersion, no schemaEventVersion), the
// datasets look unconverted to migration V0015, which re-runs at every start: it moved the fields to the hash but,
// finding no SchemaVersion, left the datasets as they were, so after a restart no field was current and column
// lineage from a generated dataset found nothing.
UNWIND $rows AS row
CREATE (d:Dataset {namespace: row.namespace, name: row.name, searchText: row.searchText, firstSeen: $time,
                   lastSeen: $time, schemaVersion: 'bench', schemaHash: 'bench', schemaEventVersion: $version,
                   owners: row.owners})
CREATE (d)-[:HAS_SCHEMA]->(:SchemaVersion {namespace: row.namespace, dataset: row.name, hash: 'bench',
                                            fields: $schema, firstSeen: $time, lastSeen: $time, lastVersion: $version})
WITH d, row
UNWIND row.fields AS f
CREATE (d)-[:HAS_FIELD]->(:Field {namespace: row.namespace, dataset: row.name, name: f.name, leafName: f.name,
                                 position: f.position, ordinal: f.position, depth: 0, type: 'string',
                                 firstSeen: $time, schemaVersion: 'bench', searchText: f.searchText})
