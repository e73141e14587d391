// The Neo4j event log: archive nodes numbered in commit order, read in that order by the projector; one head node
// holds the last number given (its MERGE key needs the constraint).
CREATE INDEX event_log_position IF NOT EXISTS FOR (e:Event) ON (e.logPosition);
CREATE CONSTRAINT event_log_head IF NOT EXISTS FOR (h:EventLogHead) REQUIRE h.name IS UNIQUE;
