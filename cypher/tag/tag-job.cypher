// Adds ($add) or removes a tag set by hand on a job; the union with the facet's and the search text are then
// recomputed as upsert-jobs does (see docs/notes/tags.md). No row when there is no such job.
MATCH (j:Job {namespace: $namespace, name: $name})
SET j.manualTags = CASE WHEN $add
      THEN coalesce(j.manualTags, []) + [t IN [$tag] WHERE NOT t IN coalesce(j.manualTags, [])]
      ELSE [t IN coalesce(j.manualTags, []) WHERE t <> $tag] END
SET j.tags = coalesce(j.facetTags, []) + [t IN coalesce(j.manualTags, []) WHERE NOT t IN coalesce(j.facetTags, [])]
SET j.tagText = reduce(text = '', t IN j.tags |
                  text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
RETURN j.tags AS tags
