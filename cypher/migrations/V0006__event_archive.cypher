// The raw event archive: one node per distinct event (content hash), looked up by run and by time.
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE INDEX event_run IF NOT EXISTS FOR (e:Event) ON (e.runId, e.eventTime);
CREATE INDEX event_time IF NOT EXISTS FOR (e:Event) ON (e.eventTime);
CREATE INDEX event_job IF NOT EXISTS FOR (e:Event) ON (e.jobNamespace, e.jobName);
