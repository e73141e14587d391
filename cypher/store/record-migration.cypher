// The migrations applied at this start, each with the checksum of its file: a later start skips a file recorded with
// the same checksum and applies it again when the file changed.
UNWIND $batch.rows AS row
MERGE (m:Migration {version: row.version})
ON CREATE SET m.appliedAt = datetime()
SET m.checksum = row.checksum
