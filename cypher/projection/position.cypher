// Where the projector of a log resumes: every event up to this position is in the graph (none yet: no node).
OPTIONAL MATCH (p:ProjectionPosition {log: $log})
RETURN coalesce(p.position, 0) AS position
