// The projector's lease: one node per shared log names the one replica that projects it (the MERGE key of
// projection/lease-claim).
CREATE CONSTRAINT projector_lease_log IF NOT EXISTS FOR (l:ProjectorLease) REQUIRE l.log IS UNIQUE;
