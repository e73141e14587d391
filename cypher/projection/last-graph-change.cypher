// The number of the last change made outside the event log (0 for none): a replica polls from there.
OPTIONAL MATCH (k:GraphChangeCounter {id: 'graph'})
RETURN coalesce(k.seq, 0) AS seq
