// The delivery log newest first by (createdAt, id), after the cursor's position.
MATCH (d:AlertDelivery)
WHERE d.createdAt <= $beforeTime
  AND ($status IS NULL OR d.status = $status)
  AND ($incidentId IS NULL OR d.incidentId = $incidentId)
  AND (d.createdAt < $beforeTime OR d.id < $beforeId)
RETURN properties(d) AS delivery
ORDER BY d.createdAt DESC, d.id DESC
LIMIT $limit
