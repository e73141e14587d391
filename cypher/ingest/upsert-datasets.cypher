// searchText is a function of the key (namespace and name), so it is written once, on creation.
CYPHER replan=skip
UNWIND $batch.rows AS row
MERGE (d:Dataset {namespace: row.namespace, name: row.name})
  ON CREATE SET d.searchText = row.searchText, d.firstSeen = row.firstSeen, d.lastSeen = row.lastSeen
SET d.firstSeen = CASE WHEN row.firstSeen < d.firstSeen THEN row.firstSeen ELSE d.firstSeen END,
    d.lastSeen = CASE WHEN row.lastSeen > d.lastSeen THEN row.lastSeen ELSE d.lastSeen END
REMOVE d.deleted
WITH d, row
UNWIND row.facets AS facet
// One row per node and one facet per name (the batch's newest, chosen in EventRows): no row acts on another's reads.
WITH d, facet
WHERE d['facetVersion_' + facet.name] IS NULL OR d['facetVersion_' + facet.name] <= facet.version
SET d += facet.properties
WITH d, collect(facet.name) AS applied
// Tags: the facet's newest set beside those added by hand (see docs/notes/tags.md); tagText is what search reads.
WHERE 'tags' IN applied OR 'catalog' IN applied
SET d.tags = coalesce(d.facetTags, []) + [t IN coalesce(d.manualTags, []) WHERE NOT t IN coalesce(d.facetTags, [])],
    d.fieldTags = coalesce(d.facetFieldTags, [])
      + [t IN coalesce(d.manualFieldTags, []) WHERE NOT t IN coalesce(d.facetFieldTags, [])]
SET d.tagText = reduce(text = '', t IN d.tags + [e IN d.fieldTags | split(e, '\u001f')[1]]
                         + CASE WHEN d.catalogName IS NULL THEN [] ELSE [d.catalogName] END |
                  text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
