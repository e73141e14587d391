// Replaces text bodies by their compressed form, in one transaction per page: a reader sees either the text or the
// compressed body, never neither. An event purged meanwhile is simply not found.
UNWIND $batch.rows AS row
MATCH (e:Event {id: row.id})
WHERE e.json IS NOT NULL
SET e.jsonGzip = row.jsonGzip
REMOVE e.json
RETURN count(e) AS compressed
