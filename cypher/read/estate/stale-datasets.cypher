// Datasets that jobs write in current lineage but that no write reported since $since (a job's last report of writing
// it is older), the most recently written first, and how many there are. A dataset only a job's earlier version wrote
// (a history edge) is not expected to be written any more.
MATCH (j:Job)-[w:WRITES]->(d:Dataset)
WHERE d.deleted IS NULL AND j.deleted IS NULL AND w.history IS NULL
WITH d, max(w.lastSeen) AS lastWritten
WHERE lastWritten < $since
WITH d, lastWritten
ORDER BY lastWritten DESC, d.namespace, d.name
WITH collect({namespace: d.namespace, name: d.name, lastWritten: lastWritten}) AS stale
RETURN size(stale) AS count, stale[0..$limit] AS datasets
