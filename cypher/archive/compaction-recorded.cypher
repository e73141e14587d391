// Whether a complete compression pass over the archive is recorded: after it, ingest writes only compressed bodies,
// so later starts skip the pass (which reads the whole event-id index to find nothing).
OPTIONAL MATCH (m:Migration {version: $version})
RETURN m IS NOT NULL AS recorded
