// Asks for a rebuild of the graph from the log, up to $target (the log's committed position now), unless one is in
// progress. The first SET takes the state node's write lock, held until commit, so two requests (from any replica)
// decide one after the other: the second finds the first in progress and changes nothing.
MERGE (r:Rebuild {log: $log})
  ON CREATE SET r.phase = 'NONE'
SET r._LOCK_ = true
REMOVE r._LOCK_
WITH r, r.phase IN ['REQUESTED', 'CLEARING', 'REPLAYING', 'RESTORING'] AS running
CALL (r, running) {
  WITH r WHERE NOT running
  SET r.phase = 'REQUESTED', r.target = $target, r.startedAt = $now, r.replayed = 0, r.kept = 0, r.cleared = 0
  REMOVE r.finishedAt, r.error, r.errorAt, r.clearMs, r.replayMs, r.restoreMs
}
RETURN running AS alreadyRunning
