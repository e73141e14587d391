package io.tributary.log;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durable, ordered record of every accepted event: an ingest is acknowledged once its events are appended, and the
 * graph is projected from the log in its order. Appends from concurrent requests are committed together (one fsync or
 * one transaction per group), so the cost of durability is shared.
 */
public interface EventLog extends AutoCloseable {

    /**
     * Appends the events of one request. The future completes, with a position at or after every one of them, only
     * once they are durable; it fails with {@link EventLogException} if they may not be (then none of them was
     * acknowledged, though some may be read back later: a retry is harmless, events are keyed by content).
     */
    CompletableFuture<LogPosition> append(List<EventRecord> events);

    /** Up to {@code max} committed events after {@code after} (a position this log returned, or START), in order. */
    List<LoggedEvent> read(LogPosition after, int max);

    /** Every event at or before this position is durable and readable. */
    LogPosition committedPosition();

    /** Which implementation this is, as the {@code log} tag of its meters and in messages. */
    String name();

    /** Stops taking appends, commits those already taken, and releases the log. */
    @Override
    void close();
}
