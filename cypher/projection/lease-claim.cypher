// A replica claims the projector's lease of a shared log, or renews it. The first SET takes the lease node's write
// lock, held until commit, so claims (and windows, which take it in lease-fence) decide one after another on fresh
// values; times are the database's clock, so replicas' clocks never disagree about expiry.
// RENEWED: the caller holds it (same holder and token; even past expiry, since no one took it in between).
// TAKEN: it had expired: the caller holds it with a new token (fencing out the previous holder's windows).
// HELD: another replica holds it. A renewal never moves the expiry back.
MERGE (l:ProjectorLease {log: $log})
  ON CREATE SET l.token = 0, l.expiresAt = 0
SET l._LOCK_ = true
WITH l, datetime.realtime().epochMillis AS now
WITH l, now,
     CASE
       WHEN l.holder = $holder AND l.token = $token THEN 'RENEWED'
       WHEN l.expiresAt <= now THEN 'TAKEN'
       ELSE 'HELD'
     END AS outcome
SET l.token = CASE outcome WHEN 'TAKEN' THEN l.token + 1 ELSE l.token END,
    l.holder = CASE outcome WHEN 'HELD' THEN l.holder ELSE $holder END,
    l.takenAt = CASE outcome WHEN 'TAKEN' THEN now ELSE l.takenAt END,
    l.expiresAt = CASE WHEN outcome <> 'HELD' AND now + $ttlMs > l.expiresAt THEN now + $ttlMs ELSE l.expiresAt END
REMOVE l._LOCK_
RETURN outcome, l.token AS token, l.holder AS holder, l.expiresAt - now AS remainingMs
