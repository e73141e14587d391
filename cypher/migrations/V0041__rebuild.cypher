// Rebuilding the graph from the event log: one state node per log (the MERGE key of projection/rebuild-request) and
// the hand-set values kept aside while the graph is cleared (the MERGE key of projection/rebuild-keep).
CREATE CONSTRAINT rebuild_log IF NOT EXISTS FOR (r:Rebuild) REQUIRE r.log IS UNIQUE;
CREATE CONSTRAINT rebuild_kept_key IF NOT EXISTS FOR (k:RebuildKept) REQUIRE (k.kind, k.namespace, k.name) IS UNIQUE
