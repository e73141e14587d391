// First and last seen take the min and max event time, so the result does not depend on arrival order.
// Each standard facet is kept from the newest event that carried it (version = fixed-width time + event id).
UNWIND $rows AS row
MERGE (j:Job {namespace: row.namespace, name: row.name})
  ON CREATE SET j.searchText = row.searchText,
    j.firstSeen = row.time, j.lastSeen = row.time
SET j.searchText = row.searchText,
    j.firstSeen = CASE WHEN row.time < j.firstSeen THEN row.time ELSE j.firstSeen END,
    j.lastSeen = CASE WHEN row.time > j.lastSeen THEN row.time ELSE j.lastSeen END
REMOVE j.deleted
WITH j, row
UNWIND row.facets AS facet
WITH j, facet
WHERE j['facetVersion_' + facet.name] IS NULL OR j['facetVersion_' + facet.name] <= facet.version
SET j += facet.properties
