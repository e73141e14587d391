// A dataset is (namespace, name), as the OpenLineage naming conventions define it.
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (d:Dataset) REQUIRE (d.namespace, d.name) IS UNIQUE;
