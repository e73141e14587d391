// Nodes in the store, from the counts store (no scan): zero on a first start, whose data migrations have nothing to do.
MATCH (n)
RETURN count(n) AS nodes
