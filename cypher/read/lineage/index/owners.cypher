// The owners of each node an index walk kept for impact analysis (lineage/index), all of them in one statement.
UNWIND $ids AS id
MATCH (m) WHERE elementId(m) = id
RETURN id, null AS description, m.owners AS owners, null AS jobType, null AS integration, null AS runId,
       null AS runState
