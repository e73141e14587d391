// The projector: its position per log (the MERGE key of advance) and the events it quarantined.
CREATE CONSTRAINT projection_position_log IF NOT EXISTS FOR (p:ProjectionPosition) REQUIRE p.log IS UNIQUE;
CREATE CONSTRAINT quarantined_event_id IF NOT EXISTS FOR (q:QuarantinedEvent) REQUIRE q.id IS UNIQUE;
CREATE INDEX quarantined_event_at IF NOT EXISTS FOR (q:QuarantinedEvent) ON (q.quarantinedAt);
