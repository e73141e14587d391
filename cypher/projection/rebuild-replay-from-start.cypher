// The graph is cleared: replay starts from the beginning of the log. The position goes back to the start (the one
// place it ever moves back) in the same transaction as the phase, so a crash resumes either clearing or replaying.
MATCH (r:Rebuild {log: $log})
SET r.phase = 'REPLAYING', r.clearMs = $clearMs, r.error = null
MERGE (p:ProjectionPosition {log: $log})
SET p.position = 0, p.updatedAt = $now
