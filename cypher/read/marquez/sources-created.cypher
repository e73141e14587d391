// Marquez's sources are where datasets live: the dataSource facet's name, else the dataset's namespace. Every source
// and when its first dataset was first seen, for the cumulative /stats/sources; $from bounds nothing here (a source's
// first time needs all of its datasets) but keeps the parameters of the three stats statements alike.
MATCH (d:Dataset)
WITH coalesce(d.dataSourceName, d.namespace) AS source, min(d.firstSeen) AS firstSeen
RETURN count(source) AS total, [t IN collect(firstSeen) WHERE t >= $from] AS recent
