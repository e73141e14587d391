MATCH (m:AlertMute)
RETURN m.ruleId AS ruleId, m.until AS until, m.reason AS reason, m.mutedAt AS mutedAt
