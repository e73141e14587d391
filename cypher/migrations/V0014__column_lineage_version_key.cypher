// Distinct columnLineage facets a job sent for an output dataset, keyed by a hash of the job and the facet's entries;
// FEEDS edges name the one their values came from (lineageHash).
CREATE CONSTRAINT column_lineage_version_key IF NOT EXISTS
FOR (c:ColumnLineageVersion) REQUIRE (c.namespace, c.dataset, c.hash) IS UNIQUE;
