// Takes the write lock of a rule's slot for one subject before anything is decided, so that two writers (a
// redelivered event, a second instance, the freshness check) decide one after the other. Answers its open incident
// and the trigger it last opened or repeated.
MERGE (s:AlertSubject {ruleId: $ruleId, subject: $subject})
SET s.checkedAt = $now
WITH s
OPTIONAL MATCH (i:AlertIncident {id: s.openIncident})
RETURN s.lastTrigger AS lastTrigger, properties(i) AS open
