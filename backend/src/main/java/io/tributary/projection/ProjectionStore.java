package io.tributary.projection;

import io.tributary.log.EventRecord;
import io.tributary.log.LogPosition;
import io.tributary.log.LoggedEvent;
import io.tributary.store.Batch;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.GraphStore.Writes;
import io.tributary.store.Unwrapped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The projector's own statements: its position, the archive it writes for the file log, and the quarantine. */
final class ProjectionStore {

    private final GraphStore store;
    private final String log;
    /** The projector's own reads run under this, not the read-query limit set for users' queries. */
    private final Duration timeout;

    ProjectionStore(GraphStore store, String log, Duration timeout) {
        this.store = store;
        this.log = log;
        this.timeout = timeout;
    }

    /**
     * Where the projector resumes (START before its first window). Read at start-up: under the read-query limit, a
     * cold first read longer than a small configured limit (250 ms in a test) failed the service's start.
     */
    LogPosition position() {
        return store.read(
                "projection/position",
                Map.of("log", log),
                timeout,
                result -> new LogPosition(result.single().get("position").asLong()));
    }

    void advance(Writes writes, LogPosition position) {
        writes.run("projection/advance", new Advance(log, position.value(), now()));
    }

    /** The archive nodes of events the file log acknowledged (the Neo4j log's events are their own archive). */
    void archive(Writes writes, List<LoggedEvent> events) {
        if (!events.isEmpty()) {
            writes.run(
                    "projection/archive-events",
                    new Batch(events.stream()
                            .map(e -> new ArchiveRow(e.record().id(), ArchivedEvent.of(e.record())))
                            .toList()));
        }
    }

    void quarantine(Writes writes, List<Quarantined> events) {
        if (!events.isEmpty()) {
            writes.run("projection/quarantine", new Batch(events));
        }
    }

    List<QuarantinedEvent> quarantined(int first) {
        return store.read(
                "projection/quarantined",
                Map.of("first", first),
                result -> result.list(r -> new QuarantinedEvent(
                        r.get("id").asString(),
                        r.get("position").asLong(),
                        r.get("log").asString(null),
                        r.get("error").asString(),
                        DriverValues.time(r.get("quarantinedAt")),
                        DriverValues.time(r.get("eventTime")))));
    }

    Quarantined quarantined(LoggedEvent event, Throwable error) {
        String message = String.valueOf(error);
        return new Quarantined(
                event.record().id(),
                event.position().value(),
                log,
                message.length() > 2_000 ? message.substring(0, 2_000) + "…" : message,
                now(),
                event.record().summary().eventTime(),
                event.record().summary().kind());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** advance. */
    private record Advance(String log, long position, OffsetDateTime now) {}

    /** archive-events: the archive node's usual properties, with the log's receipt time and source. */
    private record ArchiveRow(String id, ArchivedEvent properties) {}

    private record ArchivedEvent(
            @Unwrapped EventRecord.Summary summary, byte[] jsonGzip, OffsetDateTime receivedAt, String source) {

        static ArchivedEvent of(EventRecord record) {
            return new ArchivedEvent(
                    record.summary(),
                    record.jsonGzip(),
                    record.receivedAt().atOffset(ZoneOffset.UTC),
                    record.source().name());
        }
    }

    /** quarantine: one row per event. */
    record Quarantined(
            String id,
            long position,
            String log,
            String error,
            OffsetDateTime at,
            OffsetDateTime eventTime,
            String kind) {}

    /** A quarantined event as GraphQL lists it. */
    record QuarantinedEvent(
            String id,
            long position,
            String log,
            String error,
            OffsetDateTime quarantinedAt,
            OffsetDateTime eventTime) {}
}
