// Alerts: rules created through the API, mutes, one slot per rule and subject that holds its open incident (so that
// a redelivered event or a second instance cannot open a second one), incidents and the webhook delivery log.
CREATE CONSTRAINT alert_rule_id IF NOT EXISTS FOR (r:AlertRule) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT alert_mute_rule IF NOT EXISTS FOR (m:AlertMute) REQUIRE m.ruleId IS UNIQUE;
CREATE CONSTRAINT alert_subject_key IF NOT EXISTS FOR (s:AlertSubject) REQUIRE (s.ruleId, s.subject) IS UNIQUE;
CREATE CONSTRAINT alert_incident_id IF NOT EXISTS FOR (i:AlertIncident) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT alert_delivery_id IF NOT EXISTS FOR (d:AlertDelivery) REQUIRE d.id IS UNIQUE;
// Lists are newest first; deliveries still to send are found at start-up.
CREATE INDEX alert_incident_opened IF NOT EXISTS FOR (i:AlertIncident) ON (i.openedAt);
CREATE INDEX alert_incident_status_opened IF NOT EXISTS FOR (i:AlertIncident) ON (i.status, i.openedAt);
CREATE INDEX alert_delivery_created IF NOT EXISTS FOR (d:AlertDelivery) ON (d.createdAt);
CREATE INDEX alert_delivery_status IF NOT EXISTS FOR (d:AlertDelivery) ON (d.status);
CREATE INDEX alert_delivery_incident IF NOT EXISTS FOR (d:AlertDelivery) ON (d.incidentId);
