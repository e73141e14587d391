// Before the graph is cleared: what was set by hand and is in no event (tags added by hand, soft deletes) is kept
// aside, one node per dataset or job, to be set again after the replay (rebuild-restore). MERGE makes a retry after a
// crash harmless.
CALL () {
  MATCH (d:Dataset)
  WHERE d.manualTags IS NOT NULL OR d.manualFieldTags IS NOT NULL OR d.deleted IS NOT NULL
  RETURN 'DATASET' AS kind, d.namespace AS namespace, d.name AS name, d.manualTags AS manualTags,
         d.manualFieldTags AS manualFieldTags, d.deleted AS deleted
  UNION ALL
  MATCH (j:Job)
  WHERE j.manualTags IS NOT NULL OR j.deleted IS NOT NULL
  RETURN 'JOB' AS kind, j.namespace AS namespace, j.name AS name, j.manualTags AS manualTags,
         null AS manualFieldTags, j.deleted AS deleted
}
MERGE (k:RebuildKept {kind: kind, namespace: namespace, name: name})
SET k.manualTags = manualTags, k.manualFieldTags = manualFieldTags, k.deleted = deleted
RETURN count(k) AS kept
