// Column lineage as reported: one ColumnLineageVersion per distinct columnLineage facet a job sent for an output
// dataset (its hash covers the job and every entry), with when it was first and last sent and the newest event's
// version. FEEDS edges name the version they took their values from (lineageHash), which lets a rerun that repeats a
// facet leave them untouched (see column-lineage-changes).
//
// Returns the rows that are settled, read before this statement writes: the version was already known, first seen no
// later than this row, and the newest of its dataset's versions (greatest lastVersion, ties to the greater hash, as
// upsert-column-lineage decides). After every transaction each edge carries the newest version reporting it, so every
// edge of the dataset's newest version already carries that version with a first sighting no later than the
// version's: a settled row's edges would not change, and the caller skips their per-edge check. The caller sends a
// dataset here as settled-eligible only when the batch has one version for it (settledEligible), so that no other
// row of this statement moves the dataset's newest version while it is read.
CYPHER replan=skip
UNWIND $batch.rows AS row
OPTIONAL MATCH (known:ColumnLineageVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
WITH row, known,
     row.settledEligible AND known IS NOT NULL AND known.firstSeen <= row.firstSeen
     AND NOT EXISTS {
       MATCH (other:ColumnLineageVersion)
       USING INDEX SEEK other:ColumnLineageVersion(namespace, dataset, hash)
       WHERE other.namespace = row.namespace AND other.dataset = row.name AND other.hash IS NOT NULL
         AND other.hash <> row.hash
         AND (other.lastVersion > known.lastVersion
              OR (other.lastVersion = known.lastVersion AND other.hash > known.hash))
     } AS settled
MERGE (c:ColumnLineageVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
  ON CREATE SET c.jobNamespace = row.jobNamespace, c.jobName = row.jobName,
                c.firstSeen = row.firstSeen, c.lastSeen = row.lastSeen, c.lastVersion = row.version
SET c.firstSeen = CASE WHEN row.firstSeen < c.firstSeen THEN row.firstSeen ELSE c.firstSeen END,
    c.lastSeen = CASE WHEN row.lastSeen > c.lastSeen THEN row.lastSeen ELSE c.lastSeen END,
    c.lastVersion = CASE WHEN row.version > c.lastVersion THEN row.version ELSE c.lastVersion END
WITH row, settled
WHERE settled
RETURN row.index AS index
