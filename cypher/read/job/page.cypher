// A page of jobs of all namespaces in (namespace, name) order, after the cursor ($afterNamespace, $fromName):
// the rest of the cursor's namespace, then the namespaces after it. $fromName and $fromNamespace are the least
// strings after the cursor's (the cursor + U+0000), which keeps both branches range seeks on the job key index.
CALL () {
  MATCH (j:Job)
  WHERE j.namespace = $afterNamespace AND j.name >= $fromName AND j.deleted IS NULL
  RETURN j
  ORDER BY j.namespace, j.name
  LIMIT $limit
  UNION
  MATCH (j:Job)
  WHERE j.namespace >= $fromNamespace AND j.name IS NOT NULL AND j.deleted IS NULL
  RETURN j
  ORDER BY j.namespace, j.name
  LIMIT $limit
}
RETURN j.namespace AS namespace, j.name AS name
ORDER BY namespace, name
LIMIT $limit
