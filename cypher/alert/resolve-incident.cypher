MATCH (i:AlertIncident {id: $id})
WHERE i.status = 'OPEN'
SET i.status = 'RESOLVED', i.resolvedAt = $now, i.resolvedBy = $by, i.resolution = $resolution
WITH i
OPTIONAL MATCH (s:AlertSubject {ruleId: i.ruleId, subject: i.subject})
WHERE s.openIncident = i.id
SET s.openIncident = null
RETURN properties(i) AS incident
