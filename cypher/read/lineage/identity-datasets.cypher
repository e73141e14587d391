// The identity step of a walk: for each dataset, every name of it, itself included. Symlinks join names whichever
// side declared them (SYMLINK points from the dataset whose facet lists the other name) and transitively; groups are
// small, so a bounded undirected expand is cheap. declares: the member's own facet lists other names.
UNWIND $ids AS id
MATCH (d:Dataset) WHERE elementId(d) = id
CALL (d) {
  OPTIONAL MATCH (d)-[:SYMLINK*1..8]-(o:Dataset)
  WHERE o.deleted IS NULL AND o <> d
  RETURN collect(DISTINCT o) AS others
}
RETURN id, [x IN [d] + others | {id: elementId(x), namespace: x.namespace, name: x.name,
                                 declares: EXISTS { (x)-[:SYMLINK]->(:Dataset) }}] AS members
