// Issues: failed and slow runs by end time, failed quality checks by time.
CREATE INDEX run_ended IF NOT EXISTS FOR (r:Run) ON (r.endedAt);
CREATE INDEX quality_check_time IF NOT EXISTS FOR (q:QualityCheck) ON (q.time);
