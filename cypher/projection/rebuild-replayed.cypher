// In each replayed window's transaction: how many events the rebuild has replayed (so the count survives a crash with
// the position it goes with).
MATCH (r:Rebuild {log: $log})
SET r.replayed = r.replayed + $events
