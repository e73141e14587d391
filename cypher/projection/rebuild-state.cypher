// The rebuild of a log as it stands (none ever asked for: no row).
MATCH (r:Rebuild {log: $log})
RETURN r.phase AS phase, r.target AS target, r.replayed AS replayed, r.kept AS kept, r.cleared AS cleared,
       r.startedAt AS startedAt, r.finishedAt AS finishedAt, r.error AS error, r.errorAt AS errorAt,
       r.clearMs AS clearMs, r.replayMs AS replayMs, r.restoreMs AS restoreMs
