// Deliveries a stop interrupted, to send again at start-up (the receiver deduplicates by the delivery id).
MATCH (d:AlertDelivery {status: 'PENDING'})
WHERE d.createdAt >= $since
RETURN properties(d) AS delivery
ORDER BY d.createdAt
LIMIT $limit
