// The lease of a log as it stands (none yet: no row).
MATCH (l:ProjectorLease {log: $log})
RETURN l.holder AS holder, l.token AS token, l.expiresAt - datetime.realtime().epochMillis AS remainingMs
