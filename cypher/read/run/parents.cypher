UNWIND $ids AS id
MATCH (r:Run {runId: id})-[:CHILD_OF]->(p:Run)
RETURN id AS forId, p.runId AS runId
