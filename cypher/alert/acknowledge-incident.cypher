MATCH (i:AlertIncident {id: $id})
SET i.acknowledgedAt = coalesce(i.acknowledgedAt, $now), i.acknowledgedBy = $by, i.note = $note
RETURN properties(i) AS incident
