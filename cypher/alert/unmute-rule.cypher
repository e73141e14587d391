MATCH (m:AlertMute {ruleId: $ruleId})
DELETE m
