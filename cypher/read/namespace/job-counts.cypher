// Jobs per namespace, counted on the (namespace, name) key index.
UNWIND $names AS name
CALL (name) {
  MATCH (j:Job)
  WHERE j.namespace = name AND j.name IS NOT NULL AND j.deleted IS NULL
  RETURN count(j) AS count
}
RETURN name AS forName, count
