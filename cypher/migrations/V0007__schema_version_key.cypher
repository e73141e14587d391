// Distinct schemas a dataset has had, keyed by a hash of their fields.
CREATE CONSTRAINT schema_version_key IF NOT EXISTS
FOR (s:SchemaVersion) REQUIRE (s.namespace, s.dataset, s.hash) IS UNIQUE;
