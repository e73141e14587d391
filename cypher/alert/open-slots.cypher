// Which of a rule's slots hold an open incident, with the trigger last seen: a condition that cleared matters only
// there, and one that still holds for the same trigger is no news, so the common case (a run that completed, a
// dataset still fresh or still stale) costs one read and no write.
UNWIND $subjects AS subject
MATCH (s:AlertSubject {ruleId: $ruleId, subject: subject})
WHERE s.openIncident IS NOT NULL
RETURN subject, s.lastTrigger AS lastTrigger
