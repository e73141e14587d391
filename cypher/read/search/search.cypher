// $query is a Lucene query assembled from the user's words (letters and digits only, so no syntax can be injected);
// $exact is the user's text, trimmed and lower-cased. Ranked in tiers, by Lucene's score within each: names equal to
// the text (a whole name, its last dotted or slashed part, or a column's name) first, then jobs and datasets before
// columns, since a column's text carries its dataset's name and would otherwise crowd out the dataset itself.
CALL db.index.fulltext.queryNodes('search_text_v2', $query) YIELD node, score
WITH node, score, CASE WHEN node:Field THEN 'FIELD' WHEN node:Job THEN 'JOB' ELSE 'DATASET' END AS kind
WHERE kind IN $kinds AND node.deleted IS NULL
  AND NOT (kind = 'FIELD' AND EXISTS { (d:Dataset)-[:HAS_FIELD]->(node) WHERE d.deleted IS NOT NULL })
WITH node, score, kind, toLower(node.name) AS own
WITH node, score, kind,
     own = $exact OR last(split(replace(replace(own, '/', '.'), ':', '.'), '.')) = $exact AS exact
RETURN kind, node.namespace AS namespace, coalesce(node.dataset, node.name) AS name,
       CASE WHEN kind = 'FIELD' THEN node.name END AS field, node.description AS description, score
ORDER BY exact DESC, kind = 'FIELD', score DESC, namespace, name, field
LIMIT $first
