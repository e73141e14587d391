MERGE (m:Migration {version: $version})
ON CREATE SET m.appliedAt = datetime()
SET m.checksum = $checksum
