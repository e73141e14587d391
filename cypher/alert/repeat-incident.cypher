// The condition still holds: one more occurrence when it is a new trigger (another run), never a new incident.
MATCH (s:AlertSubject {ruleId: $ruleId, subject: $subject})
MATCH (i:AlertIncident {id: $id})
SET i.occurrences = i.occurrences + CASE WHEN s.lastTrigger = $trigger THEN 0 ELSE 1 END,
    i.lastSeenAt = $now,
    i.lastRunId = coalesce($runId, i.lastRunId),
    s.lastTrigger = $trigger
