// The fields of the schemas upsert-schemas returned. A field holds the values of the newest schema that has it (the
// SchemaVersion with the greatest lastVersion, ties to the greater hash, as in upsert-schemas) and that schema's hash
// as its schemaVersion, so the current schema's fields are those whose schemaVersion equals their dataset's. First
// seen is the earliest event that listed it. Rows are grouped per field first, so that each field is decided once
// from every schema of this transaction that has it.
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (s:SchemaVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
UNWIND row.fields AS f
WITH row.namespace AS namespace, row.name AS name, f.path AS path, min(row.time) AS time,
     collect({f: f, hash: s.hash, lastVersion: s.lastVersion}) AS candidates
WITH namespace, name, path, time,
     reduce(best = head(candidates), c IN tail(candidates) |
       CASE WHEN c.lastVersion > best.lastVersion OR (c.lastVersion = best.lastVersion AND c.hash > best.hash)
         THEN c ELSE best END) AS best
MATCH (d:Dataset {namespace: namespace, name: name})
MERGE (field:Field {namespace: namespace, dataset: name, name: path})
  ON CREATE SET field.firstSeen = time, field.searchText = best.f.searchText
SET field.firstSeen = CASE WHEN time < field.firstSeen THEN time ELSE field.firstSeen END
MERGE (d)-[:HAS_FIELD]->(field)
WITH field, best
OPTIONAL MATCH (held:SchemaVersion {namespace: field.namespace, dataset: field.dataset, hash: field.schemaVersion})
WITH field, best, held
// A schemaVersion that names no SchemaVersion predates schemas by hash (see migration V0015): any schema is newer.
WHERE field.schemaVersion IS NULL
   OR (field.schemaVersion <> best.hash
       AND (coalesce(held.lastVersion, '') < best.lastVersion
            OR (held.lastVersion = best.lastVersion AND held.hash < best.hash)))
SET field.leafName = best.f.name,
    field.parent = best.f.parentPath,
    field.ordinal = best.f.ordinal,
    field.position = best.f.position,
    field.depth = best.f.depth,
    field.type = best.f.type,
    field.description = best.f.description,
    field.schemaVersion = best.hash
