// The rebuild moves on to its next phase (a step is done); the error of a failed try is cleared.
MATCH (r:Rebuild {log: $log})
SET r.phase = $phase, r.kept = coalesce($kept, r.kept), r.error = null,
    r.clearMs = coalesce($clearMs, r.clearMs), r.replayMs = coalesce($replayMs, r.replayMs),
    r.restoreMs = coalesce($restoreMs, r.restoreMs),
    r.finishedAt = CASE WHEN $phase = 'DONE' THEN $now ELSE r.finishedAt END
