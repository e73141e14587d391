// searchText is a function of the key (namespace and name), so it is written once, on creation.
UNWIND $rows AS row
MERGE (d:Dataset {namespace: row.namespace, name: row.name})
  ON CREATE SET d.searchText = row.searchText, d.firstSeen = row.time, d.lastSeen = row.time
SET d.firstSeen = CASE WHEN row.time < d.firstSeen THEN row.time ELSE d.firstSeen END,
    d.lastSeen = CASE WHEN row.time > d.lastSeen THEN row.time ELSE d.lastSeen END
REMOVE d.deleted
WITH d, row
UNWIND row.facets AS facet
// The newest of this transaction's rows per facet first, so that rows cannot act on each other's stale reads.
WITH d, facet.name AS name, collect(facet) AS sent
WITH d, reduce(newest = head(sent), f IN tail(sent) | CASE WHEN f.version > newest.version THEN f ELSE newest END)
  AS facet
WHERE d['facetVersion_' + facet.name] IS NULL OR d['facetVersion_' + facet.name] <= facet.version
SET d += facet.properties
