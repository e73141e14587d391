// Adds ($add) or removes a tag set by hand on a dataset, or on one of its fields when $field is given (the field must
// be one the dataset has). Only the hand-set tags change; the union with the facet's and the search text are then
// recomputed as upsert-datasets does (see docs/notes/tags.md). No row when there is no such dataset or field.
MATCH (d:Dataset {namespace: $namespace, name: $name})
WHERE $field IS NULL OR EXISTS { (d)-[:HAS_FIELD]->(:Field {name: $field}) }
WITH d, CASE WHEN $field IS NULL THEN $tag ELSE $field + '\u001f' + $tag END AS entry
SET d.manualTags = CASE WHEN $field IS NOT NULL THEN d.manualTags
      WHEN $add THEN coalesce(d.manualTags, []) + [t IN [entry] WHERE NOT t IN coalesce(d.manualTags, [])]
      ELSE [t IN coalesce(d.manualTags, []) WHERE t <> entry] END,
    d.manualFieldTags = CASE WHEN $field IS NULL THEN d.manualFieldTags
      WHEN $add THEN coalesce(d.manualFieldTags, []) + [t IN [entry] WHERE NOT t IN coalesce(d.manualFieldTags, [])]
      ELSE [t IN coalesce(d.manualFieldTags, []) WHERE t <> entry] END
SET d.tags = coalesce(d.facetTags, []) + [t IN coalesce(d.manualTags, []) WHERE NOT t IN coalesce(d.facetTags, [])],
    d.fieldTags = coalesce(d.facetFieldTags, [])
      + [t IN coalesce(d.manualFieldTags, []) WHERE NOT t IN coalesce(d.facetFieldTags, [])]
SET d.tagText = reduce(text = '', t IN d.tags + [e IN d.fieldTags | split(e, '\u001f')[1]]
                         + CASE WHEN d.catalogName IS NULL THEN [] ELSE [d.catalogName] END |
                  text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
RETURN CASE WHEN $field IS NULL THEN d.tags
  ELSE [e IN d.fieldTags WHERE split(e, '\u001f')[0] = $field | split(e, '\u001f')[1]] END AS tags
