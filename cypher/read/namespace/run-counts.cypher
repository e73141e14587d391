// Runs of the jobs of each namespace, on the (namespace, sortTime) index; placeholders (runs known only as a parent)
// are not counted, as run lists leave them out.
UNWIND $names AS name
CALL (name) {
  MATCH (r:Run)
  WHERE r.namespace = name AND r.sortTime IS NOT NULL AND r.placeholder IS NULL
  RETURN count(r) AS count
}
RETURN name AS forName, count
