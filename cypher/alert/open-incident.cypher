MATCH (s:AlertSubject {ruleId: $ruleId, subject: $subject})
MERGE (i:AlertIncident {id: $id})
SET i += $properties
SET s.openIncident = $id, s.lastTrigger = $trigger
RETURN properties(i) AS incident
