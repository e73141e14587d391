// Every migration recorded as applied, with the checksum of the file that was applied (a label scan: a few dozen).
MATCH (m:Migration)
RETURN m.version AS version, m.checksum AS checksum
