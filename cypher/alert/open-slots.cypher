// Which of a rule's slots hold an open incident: a condition that cleared only matters there, so the common case (a
// run that completed, a dataset still fresh) costs one read and no write.
UNWIND $subjects AS subject
MATCH (s:AlertSubject {ruleId: $ruleId, subject: subject})
WHERE s.openIncident IS NOT NULL
RETURN subject
