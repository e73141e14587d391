// The changes made outside the event log after $after, in order (a range seek on graph_change_seq).
MATCH (c:GraphChange) WHERE c.seq > $after
RETURN c.seq AS seq, c.job AS job, c.namespace AS namespace, c.name AS name
ORDER BY c.seq
LIMIT 1000
