// A replica that stops hands its lease back at once (its holder and token only), so another replica takes over
// without waiting for the expiry.
MATCH (l:ProjectorLease {log: $log})
WHERE l.holder = $holder AND l.token = $token
SET l.expiresAt = datetime.realtime().epochMillis
RETURN l.token AS token
