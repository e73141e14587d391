// searchText is a function of the key (namespace and name), so it is written once, on creation.
UNWIND $rows AS row
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
