// First and last seen take the min and max event time, so the result does not depend on arrival order.
// searchText is a function of the key, so it is written once, on creation.
// Each standard facet is kept from the newest event that carried it (version = fixed-width time + event id).
UNWIND $rows AS row
MERGE (j:Job {namespace: row.namespace, name: row.name})
  ON CREATE SET j.searchText = row.searchText, j.firstSeen = row.time, j.lastSeen = row.time
SET j.firstSeen = CASE WHEN row.time < j.firstSeen THEN row.time ELSE j.firstSeen END,
    j.lastSeen = CASE WHEN row.time > j.lastSeen THEN row.time ELSE j.lastSeen END
REMOVE j.deleted
WITH j, row
UNWIND row.facets AS facet
// The newest of this transaction's rows per facet first, so that rows cannot act on each other's stale reads.
WITH j, facet.name AS name, collect(facet) AS sent
WITH j, reduce(newest = head(sent), f IN tail(sent) | CASE WHEN f.version > newest.version THEN f ELSE newest END)
  AS facet
WHERE j['facetVersion_' + facet.name] IS NULL OR j['facetVersion_' + facet.name] <= facet.version
SET j += facet.properties
