// Written before the first attempt and after each one. A part an attempt leaves out (null) keeps what an earlier save
// wrote: the log shows the last status code and error seen, also once a later attempt delivered it.
MERGE (d:AlertDelivery {id: $id})
SET d.incidentId = coalesce($incidentId, d.incidentId),
    d.ruleId = coalesce($ruleId, d.ruleId),
    d.event = coalesce($event, d.event),
    d.url = coalesce($url, d.url),
    d.format = coalesce($format, d.format),
    d.status = coalesce($status, d.status),
    d.attempts = coalesce($attempts, d.attempts),
    d.lastStatusCode = coalesce($lastStatusCode, d.lastStatusCode),
    d.lastError = coalesce($lastError, d.lastError),
    d.createdAt = coalesce($createdAt, d.createdAt),
    d.lastAttemptAt = coalesce($lastAttemptAt, d.lastAttemptAt),
    d.deliveredAt = coalesce($deliveredAt, d.deliveredAt),
    d.body = coalesce($body, d.body)
