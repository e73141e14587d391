// Numbers a change made outside the event log (a soft delete) in the transaction that made it, for the other replicas
// (projection/graph-changes). The counter node serialises the numbers; the oldest changes beyond the last 10,000 go (a
// replica that falls further behind than that loads its copies again at start).
MERGE (k:GraphChangeCounter {id: 'graph'})
SET k.seq = coalesce(k.seq, 0) + 1
CREATE (:GraphChange {seq: k.seq, job: $job, namespace: $namespace, name: $name})
WITH k
CALL (k) {
  MATCH (old:GraphChange) WHERE old.seq <= k.seq - 10000
  DELETE old
}
RETURN k.seq AS seq
