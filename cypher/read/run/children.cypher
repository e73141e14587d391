// Runs whose parent each run is, oldest first (the order they ran in).
UNWIND $ids AS id
MATCH (:Run {runId: id})<-[:CHILD_OF]-(c:Run)
RETURN id AS forId, c.runId AS runId
ORDER BY coalesce(c.sortTime, c.startedAt, c.firstEventAt), c.runId
