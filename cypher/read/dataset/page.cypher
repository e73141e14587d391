// A page of datasets of all namespaces in (namespace, name) order, after the cursor ($afterNamespace, $fromName):
// the rest of the cursor's namespace, then the namespaces after it. $fromName and $fromNamespace are the least
// strings after the cursor's (the cursor + U+0000), which keeps both branches range seeks on the dataset key index.
CALL () {
  MATCH (d:Dataset)
  WHERE d.namespace = $afterNamespace AND d.name >= $fromName AND d.deleted IS NULL
  RETURN d
  ORDER BY d.namespace, d.name
  LIMIT $limit
  UNION
  MATCH (d:Dataset)
  WHERE d.namespace >= $fromNamespace AND d.name IS NOT NULL AND d.deleted IS NULL
  RETURN d
  ORDER BY d.namespace, d.name
  LIMIT $limit
}
RETURN d.namespace AS namespace, d.name AS name
ORDER BY namespace, name
LIMIT $limit
