UNWIND $rows AS row
MERGE (d:Dataset {namespace: row.namespace, name: row.name})
  ON CREATE SET d.searchText = row.searchText,
    d.firstSeen = row.time, d.lastSeen = row.time
SET d.searchText = row.searchText,
    d.firstSeen = CASE WHEN row.time < d.firstSeen THEN row.time ELSE d.firstSeen END,
    d.lastSeen = CASE WHEN row.time > d.lastSeen THEN row.time ELSE d.lastSeen END
REMOVE d.deleted
WITH d, row
UNWIND row.facets AS facet
WITH d, facet
WHERE d['facetVersion_' + facet.name] IS NULL OR d['facetVersion_' + facet.name] <= facet.version
SET d += facet.properties
