// Namespaces are named by their producers' configuration or data source (e.g. postgres://host:5432).
CREATE CONSTRAINT namespace_name IF NOT EXISTS FOR (n:Namespace) REQUIRE n.name IS UNIQUE;
