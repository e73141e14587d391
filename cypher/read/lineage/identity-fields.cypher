// The identity step of a column walk: for each field, the same-named fields of every other name of its dataset
// (see identity-datasets.cypher), itself included, each with its type (a group's node shows its representative's).
UNWIND $ids AS id
MATCH (f:Field) WHERE elementId(f) = id
MATCH (d:Dataset {namespace: f.namespace, name: f.dataset})
CALL (d, f) {
  OPTIONAL MATCH (d)-[:SYMLINK*1..8]-(o:Dataset)
  WHERE o.deleted IS NULL AND o <> d
  WITH DISTINCT o
  OPTIONAL MATCH (o)-[:HAS_FIELD]->(g:Field {name: f.name})
  RETURN collect({id: elementId(g), namespace: g.namespace, name: g.dataset, type: g.type,
                  declares: EXISTS { (o)-[:SYMLINK]->(:Dataset) }}) AS others
}
RETURN id, [{id: id, namespace: f.namespace, name: f.dataset, type: f.type,
             declares: EXISTS { (d)-[:SYMLINK]->(:Dataset) }}]
           + [x IN others WHERE x.id IS NOT NULL] AS members
