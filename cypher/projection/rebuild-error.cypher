// A step of the rebuild failed: it is tried again (the graph must not stay half cleared); the error shows meanwhile.
MATCH (r:Rebuild {log: $log})
SET r.error = $error, r.errorAt = $now
