package io.tributary.archive;

import java.time.OffsetDateTime;

/** An archived event; {@code json} is the event text exactly as it was received. */
record RawEvent(
        String id,
        String kind,
        String eventType,
        OffsetDateTime eventTime,
        String runId,
        String jobNamespace,
        String jobName,
        String producer,
        OffsetDateTime receivedAt,
        String json) {}
