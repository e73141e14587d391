// Tags as first-class data (see docs/notes/tags.md). Search covers tagText (tags, field tags and the catalog name,
// split at punctuation): the full-text index is replaced by one that has it. Tags the facet set before this version
// were stored in `tags` alone; they become facet-sourced. Idempotent: a converted node has a tagText.
DROP INDEX search_text IF EXISTS;
CREATE FULLTEXT INDEX search_text_v2 IF NOT EXISTS
FOR (n:Job|Dataset|Field) ON EACH [n.searchText, n.description, n.tagText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
MATCH (d:Dataset) WHERE d.tagText IS NULL AND (d.tags IS NOT NULL OR d.catalogName IS NOT NULL)
CALL (d) {
  SET d.facetTags = CASE WHEN d.manualTags IS NULL THEN coalesce(d.facetTags, d.tags, []) ELSE d.facetTags END,
      d.tags = coalesce(d.tags, []), d.fieldTags = coalesce(d.fieldTags, [])
  SET d.tagText = reduce(text = '', t IN d.tags + [e IN d.fieldTags | split(e, '\u001f')[1]]
                           + CASE WHEN d.catalogName IS NULL THEN [] ELSE [d.catalogName] END |
                    text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
} IN TRANSACTIONS OF 1000 ROWS;
MATCH (j:Job) WHERE j.tagText IS NULL AND j.tags IS NOT NULL
CALL (j) {
  SET j.facetTags = CASE WHEN j.manualTags IS NULL THEN coalesce(j.facetTags, j.tags) ELSE j.facetTags END
  SET j.tagText = reduce(text = '', t IN j.tags |
                    text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
} IN TRANSACTIONS OF 1000 ROWS
