MERGE (m:AlertMute {ruleId: $ruleId})
SET m.until = $until, m.reason = $reason, m.mutedAt = $now
