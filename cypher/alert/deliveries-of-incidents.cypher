UNWIND $ids AS id
MATCH (d:AlertDelivery {incidentId: id})
RETURN id AS incidentId, properties(d) AS delivery
ORDER BY d.createdAt, d.id
