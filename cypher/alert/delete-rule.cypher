// A deleted rule's mute and subject slots go with it; its incidents and deliveries stay as history.
MATCH (r:AlertRule {id: $id})
OPTIONAL MATCH (m:AlertMute {ruleId: $id})
DETACH DELETE r, m
WITH count(*) AS deleted
CALL () {
  MATCH (s:AlertSubject {ruleId: $id})
  USING INDEX SEEK s:AlertSubject(ruleId, subject)
  WHERE s.subject IS NOT NULL
  DETACH DELETE s
}
RETURN deleted
