// The rules created through the API, oldest first.
MATCH (r:AlertRule)
RETURN properties(r) AS rule
ORDER BY r.createdAt, r.id
