// Datasets per namespace, counted on the (namespace, name) key index.
UNWIND $names AS name
CALL (name) {
  MATCH (d:Dataset)
  WHERE d.namespace = name AND d.name IS NOT NULL AND d.deleted IS NULL
  RETURN count(d) AS count
}
RETURN name AS forName, count
