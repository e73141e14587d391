// The first statement of every window's transaction: the window commits only if its replica still holds the lease
// with the token it was given, unexpired (no row: the transaction is rolled back). The write lock taken here is held
// until the window commits, so no other replica can take the lease while a window is in flight; an ex-holder that
// paused before its window finds a new token and is refused. A valid holder's lease is extended (never moved back).
MATCH (l:ProjectorLease {log: $log})
SET l._LOCK_ = true
WITH l, datetime.realtime().epochMillis AS now
REMOVE l._LOCK_
WITH l, now
WHERE l.holder = $holder AND l.token = $token AND l.expiresAt > now
SET l.expiresAt = CASE WHEN now + $ttlMs > l.expiresAt THEN now + $ttlMs ELSE l.expiresAt END
RETURN l.expiresAt - now AS remainingMs
