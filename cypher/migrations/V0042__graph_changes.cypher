// Changes to the graph that do not go through the event log (soft deletes, imported deletes), numbered so that every
// replica's in-memory copies (the lineage index) learn of those another replica made: the change's number (the range
// the replicas poll), and the one counter node that hands out the numbers (the MERGE key of
// projection/record-graph-change).
CREATE CONSTRAINT graph_change_seq IF NOT EXISTS FOR (c:GraphChange) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT graph_change_counter IF NOT EXISTS FOR (k:GraphChangeCounter) REQUIRE k.id IS UNIQUE
