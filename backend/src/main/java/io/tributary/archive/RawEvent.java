package io.tributary.archive;

import io.tributary.graphql.Cursors;
import io.tributary.store.DriverValues;
import java.time.OffsetDateTime;
import org.neo4j.driver.Record;

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
        String json) {

    static RawEvent from(Record r) {
        return new RawEvent(
                r.get("id").asString(),
                r.get("kind").asString(),
                DriverValues.string(r.get("eventType")),
                DriverValues.time(r.get("eventTime")),
                DriverValues.string(r.get("runId")),
                DriverValues.string(r.get("jobNamespace")),
                DriverValues.string(r.get("jobName")),
                DriverValues.string(r.get("producer")),
                DriverValues.time(r.get("receivedAt")),
                ArchivedJson.of(r));
    }

    /** The position of this event in the archive's (eventTime, id) order. */
    String cursor() {
        return Cursors.encode(eventTime.toString(), id);
    }
}
