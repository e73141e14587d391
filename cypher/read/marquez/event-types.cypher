// Run events since $from counted by type and by $unit ('hour' or 'day') of their time in $timezone, for Marquez's
// /stats/lineage-events. Read on the event-time index; at most 24 or 7 buckets of 4 types come back.
MATCH (e:Event)
WHERE e.eventTime >= $from AND e.eventType IN ['START', 'COMPLETE', 'FAIL', 'ABORT']
WITH e.eventType AS eventType, datetime.truncate($unit, datetime({datetime: e.eventTime, timezone: $timezone}))
  AS bucket
RETURN bucket, eventType, count(*) AS count
