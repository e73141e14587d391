// Column lineage as reported: one ColumnLineageVersion per distinct columnLineage facet a job sent for an output
// dataset (its hash covers the job and every entry), with when it was first and last sent and the newest event's
// version. FEEDS edges name the version they took their values from (lineageHash), which lets a rerun that repeats a
// facet leave them untouched (see column-lineage-changes).
UNWIND $rows AS row
MERGE (c:ColumnLineageVersion {namespace: row.namespace, dataset: row.name, hash: row.hash})
  ON CREATE SET c.jobNamespace = row.jobNamespace, c.jobName = row.jobName,
                c.firstSeen = row.firstSeen, c.lastSeen = row.lastSeen, c.lastVersion = row.version
SET c.firstSeen = CASE WHEN row.firstSeen < c.firstSeen THEN row.firstSeen ELSE c.firstSeen END,
    c.lastSeen = CASE WHEN row.lastSeen > c.lastSeen THEN row.lastSeen ELSE c.lastSeen END,
    c.lastVersion = CASE WHEN row.version > c.lastVersion THEN row.version ELSE c.lastVersion END
