// symlinks: other identifiers of the same physical dataset (a table over a path, a catalog name).
CYPHER replan=skip
UNWIND $batch.rows AS row
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MATCH (alias:Dataset {namespace: row.aliasNamespace, name: row.aliasName})
MERGE (d)-[s:SYMLINK]->(alias)
SET s.type = row.type
