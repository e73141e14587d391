// One batch of the clearing, in the same transaction as the count it adds to the state.
MATCH (r:Rebuild {log: $log})
SET r.cleared = r.cleared + $cleared
