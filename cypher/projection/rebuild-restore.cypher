// After the replay: one batch of the kept hand-set values set again on the rebuilt datasets and jobs, the tags' union
// and search text recomputed as tag/tag-dataset and tag/tag-job do; each kept node is deleted once restored. A dataset
// or job the replay did not bring back (its events purged from the log) has nothing to restore.
MATCH (k:RebuildKept)
WITH k LIMIT $batch
OPTIONAL MATCH (d:Dataset {namespace: k.namespace, name: k.name}) WHERE k.kind = 'DATASET'
OPTIONAL MATCH (j:Job {namespace: k.namespace, name: k.name}) WHERE k.kind = 'JOB'
CALL (k, d) {
  WITH k, d WHERE d IS NOT NULL
  SET d.deleted = coalesce(d.deleted, k.deleted)
  WITH k, d WHERE k.manualTags IS NOT NULL OR k.manualFieldTags IS NOT NULL
  SET d.manualTags = k.manualTags, d.manualFieldTags = k.manualFieldTags
  SET d.tags = coalesce(d.facetTags, []) + [t IN coalesce(d.manualTags, []) WHERE NOT t IN coalesce(d.facetTags, [])],
      d.fieldTags = coalesce(d.facetFieldTags, [])
        + [t IN coalesce(d.manualFieldTags, []) WHERE NOT t IN coalesce(d.facetFieldTags, [])]
  SET d.tagText = reduce(text = '', t IN d.tags + [e IN d.fieldTags | split(e, '\u001f')[1]]
                           + CASE WHEN d.catalogName IS NULL THEN [] ELSE [d.catalogName] END |
                    text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
}
CALL (k, j) {
  WITH k, j WHERE j IS NOT NULL
  SET j.deleted = coalesce(j.deleted, k.deleted)
  WITH k, j WHERE k.manualTags IS NOT NULL
  SET j.manualTags = k.manualTags
  SET j.tags = coalesce(j.facetTags, []) + [t IN coalesce(j.manualTags, []) WHERE NOT t IN coalesce(j.facetTags, [])]
  SET j.tagText = reduce(text = '', t IN j.tags |
                    text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
}
DELETE k
RETURN count(*) AS restored
