package io.tributary.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.store.Batch;
import io.tributary.store.GraphStore;
import io.tributary.store.UnreachableBackoff;
import io.tributary.store.Unwrapped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * The event log as the {@code (:Event)} archive itself: each group of appends is one transaction that creates the
 * events' archive nodes (nothing else of the graph) and numbers them through one head node, so an acknowledged event
 * lives in the database and survives the loss of the replica that took it. Shared by every replica of one database.
 */
public final class Neo4jEventLog implements EventLog {

    /** Its {@link #name()}: the tag of its meters and the key of its projector's position and lease. */
    public static final String NAME = "neo4j";

    /**
     * @param maxGroupEvents most events in one transaction (transaction memory bounds it)
     * @param maxGroupBytes most compressed body bytes in one transaction
     * @param queueCapacity appends waiting for the writer before appends fail at once
     * @param writeTimeout the database aborts a group's transaction that runs longer
     */
    public record Settings(int maxGroupEvents, long maxGroupBytes, int queueCapacity, Duration writeTimeout) {

        public static final Settings DEFAULTS = new Settings(2_000, 16L << 20, 20_000, Duration.ofSeconds(30));
    }

    private final GraphStore store;
    private final Settings settings;
    private final GroupCommit<List<Appended>> groups;

    public Neo4jEventLog(GraphStore store, Settings settings, MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.groups = new GroupCommit<>(
                name(),
                this::write,
                settings.maxGroupEvents(),
                settings.maxGroupBytes(),
                settings.queueCapacity(),
                UnreachableBackoff.DEFAULT,
                meters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<LogPosition> append(List<EventRecord> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        var rows = new ArrayList<Appended>(events.size());
        long bytes = 0;
        for (EventRecord event : events) {
            rows.add(new Appended(event.id(), properties(event)));
            bytes += event.jsonGzip().length;
        }
        return groups.submit(rows, rows.size(), bytes);
    }

    /** The archive node's properties, as the archive has always had them, plus how the event arrived. */
    private static ArchivedEvent properties(EventRecord event) {
        return new ArchivedEvent(
                event.summary(),
                event.jsonGzip(),
                event.receivedAt().atOffset(ZoneOffset.UTC),
                event.source().name());
    }

    /** append: one row per event, {@code UNWIND}-ed by position. */
    private record Appended(String id, ArchivedEvent properties) {}

    /** An archive node's properties (a null one is not set). */
    private record ArchivedEvent(
            @Unwrapped EventRecord.Summary summary, byte[] jsonGzip, OffsetDateTime receivedAt, String source) {}

    /** One transaction for the whole group; each append's position is the number of its last event. */
    private List<LogPosition> write(List<List<Appended>> group) {
        var rows = new ArrayList<Appended>();
        group.forEach(rows::addAll);
        long base;
        try {
            base = store.write(
                    "log/append",
                    new Batch(rows),
                    settings.writeTimeout(),
                    result -> result.single().get("base").asLong());
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new EventLogUnavailableException("the event log's database is unreachable: " + e.getMessage(), e);
        }
        var positions = new ArrayList<LogPosition>(group.size());
        long end = base;
        for (var append : group) {
            end += append.size();
            positions.add(new LogPosition(end));
        }
        return positions;
    }

    @Override
    public List<LoggedEvent> read(LogPosition after, int max) {
        return store.read(
                "log/read", Map.of("after", after.value(), "max", max), result -> result.list(Neo4jEventLog::logged));
    }

    private static LoggedEvent logged(Record r) {
        Value gzip = r.get("jsonGzip");
        // Events archived before compression hold their body as text.
        byte[] jsonGzip = gzip.isNull() ? EventRecord.gzipFast(r.get("json").asString()) : gzip.asByteArray();
        var summary = new EventRecord.Summary(
                r.get("kind").asString(null),
                r.get("eventType").asString(null),
                r.get("eventTime").isNull() ? null : r.get("eventTime").asOffsetDateTime(),
                r.get("runId").asString(null),
                r.get("jobNamespace").asString(null),
                r.get("jobName").asString(null),
                r.get("producer").asString(null));
        var record = new EventRecord(
                r.get("id").asString(),
                // Events archived before the log came through the one path there was then.
                EventSource.valueOf(r.get("source").asString(EventSource.HTTP.name())),
                r.get("receivedAt").asZonedDateTime().toInstant(),
                jsonGzip,
                summary);
        return new LoggedEvent(new LogPosition(r.get("position").asLong()), record);
    }

    @Override
    public LogPosition committedPosition() {
        return store.read(
                "log/head",
                Map.of(),
                result -> new LogPosition(result.single().get("position").asLong()));
    }

    @Override
    public void close() {
        groups.close();
    }
}
