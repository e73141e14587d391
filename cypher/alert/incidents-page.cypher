// Incidents newest first by (openedAt, id), after the cursor's position; one more than asked says a page follows.
MATCH (i:AlertIncident)
WHERE i.openedAt <= $beforeTime
  AND ($status IS NULL OR i.status = $status)
  AND ($ruleId IS NULL OR i.ruleId = $ruleId)
  AND (i.openedAt < $beforeTime OR i.id < $beforeId)
RETURN properties(i) AS incident
ORDER BY i.openedAt DESC, i.id DESC
LIMIT $limit
