// Runs started since $since by bucket of $bucketMillis and state, on the sortTime index.
MATCH (r:Run)
WHERE r.sortTime >= $since AND r.placeholder IS NULL
WITH toInteger((r.sortTime.epochMillis - $since.epochMillis) / $bucketMillis) AS bucket, r.state AS state
RETURN bucket, state, count(*) AS runs
