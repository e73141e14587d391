// Committed with the window it ends, so the graph and the position never disagree. Never moves back: with one
// projector per replica over a shared log, the furthest one's position is still a point every event before which is
// projected (by one replica or the other).
MERGE (p:ProjectionPosition {log: $log})
  ON CREATE SET p.position = $position
SET p.position = CASE WHEN $position > p.position THEN $position ELSE p.position END,
    p.updatedAt = $now
