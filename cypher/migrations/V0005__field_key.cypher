// A field (column) is (dataset namespace, dataset name, field path); nested fields use dotted paths.
CREATE CONSTRAINT field_key IF NOT EXISTS FOR (f:Field) REQUIRE (f.namespace, f.dataset, f.name) IS UNIQUE;
