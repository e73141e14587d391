// The adjacency index's load (lineage/index), one page of job-dataset edges in the direction data flows (dataset
// -READ_BY-> job -WRITES-> dataset). History edges are paged too and left out by the reader (current: false), so that
// an edge marked history during the load does not shift the pages after it.
MATCH (a)-[e:READ_BY|WRITES]->(b)
WITH a, e, b SKIP $skip LIMIT $limit
RETURN elementId(a) AS from, elementId(b) AS to, e.history IS NULL AS current
