// The adjacency index's load (lineage/index), one page of symlinks (from the dataset whose facet names the other).
MATCH (a:Dataset)-[:SYMLINK]->(b:Dataset)
WITH a, b SKIP $skip LIMIT $limit
RETURN elementId(a) AS from, elementId(b) AS to
