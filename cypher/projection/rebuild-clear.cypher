// One batch of clearing the graph the projector builds, one label at a time (runs before the datasets and jobs they
// touch, so that no batch deletes a dense node's thousands of edges at once). The archive, the log, keys, alerts,
// tag descriptions and the projector's own bookkeeping are other labels and stay.
MATCH (n:$($label))
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
