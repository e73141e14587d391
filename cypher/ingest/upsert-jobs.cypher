// First and last seen take the min and max event time, so the result does not depend on arrival order.
// searchText is a function of the key, so it is written once, on creation.
// Each standard facet is kept from the newest event that carried it (version = fixed-width time + event id).
CYPHER replan=skip
UNWIND $batch.rows AS row
MERGE (j:Job {namespace: row.namespace, name: row.name})
  ON CREATE SET j.searchText = row.searchText, j.firstSeen = row.firstSeen, j.lastSeen = row.lastSeen
SET j.firstSeen = CASE WHEN row.firstSeen < j.firstSeen THEN row.firstSeen ELSE j.firstSeen END,
    j.lastSeen = CASE WHEN row.lastSeen > j.lastSeen THEN row.lastSeen ELSE j.lastSeen END
REMOVE j.deleted
WITH j, row
UNWIND row.facets AS facet
// One row per node and one facet per name (the batch's newest, chosen in EventRows): no row acts on another's reads.
WITH j, facet
WHERE j['facetVersion_' + facet.name] IS NULL OR j['facetVersion_' + facet.name] <= facet.version
SET j += facet.properties
WITH j, collect(facet.name) AS applied
// Tags: the facet's newest set beside those added by hand (see docs/notes/tags.md); tagText is what search reads.
WHERE 'tags' IN applied
SET j.tags = coalesce(j.facetTags, []) + [t IN coalesce(j.manualTags, []) WHERE NOT t IN coalesce(j.facetTags, [])]
SET j.tagText = reduce(text = '', t IN j.tags |
                  text + ' ' + replace(replace(replace(replace(replace(t, ':', ' '), '_', ' '), '.', ' '), '/', ' '), '=', ' '))
