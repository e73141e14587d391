// $query is a Lucene query assembled from the user's words (letters and digits only, so no syntax can be injected).
CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
WITH node, score, CASE WHEN node:Field THEN 'FIELD' WHEN node:Job THEN 'JOB' ELSE 'DATASET' END AS kind
WHERE kind IN $kinds AND node.deleted IS NULL
  AND NOT (kind = 'FIELD' AND EXISTS { (d:Dataset)-[:HAS_FIELD]->(node) WHERE d.deleted IS NOT NULL })
RETURN kind, node.namespace AS namespace, coalesce(node.dataset, node.name) AS name,
       CASE WHEN kind = 'FIELD' THEN node.name END AS field, node.description AS description, score
ORDER BY score DESC, namespace, name, field
LIMIT $first
