package io.tributary.ingest;

import io.tributary.event.LineageEvent;
import io.tributary.log.EventLog;
import io.tributary.log.EventRecord;
import io.tributary.log.EventSource;
import io.tributary.log.LogPosition;
import io.tributary.projection.ProjectionProgress;
import io.tributary.projection.ProjectionProperties;
import io.tributary.write.GroupCommitWriter;
import io.tributary.write.OverloadedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where every producer's validated events go (HTTP, batch, Kafka, import, the demo). With an event log
 * ({@code tributary.log.mode}), they are acknowledged once durably appended to it, and the projector puts them in the
 * graph; above the configured projection lag they are refused ({@link OverloadedException}, a 503 with
 * {@code Retry-After}) rather than queued without bound. Without a log they are acknowledged after the graph commit
 * ({@link GroupCommitWriter}).
 */
@Component
public class EventIntake {

    private final GroupCommitWriter writer;
    private final EventLog log;
    private final ProjectionProgress progress;
    private final Duration maxLag;

    EventIntake(
            GroupCommitWriter writer,
            ObjectProvider<EventLog> log,
            ObjectProvider<ProjectionProgress> progress,
            ProjectionProperties projection) {
        this.writer = writer;
        this.log = log.getIfAvailable();
        this.progress = progress.getIfAvailable();
        this.maxLag = projection.maxLag();
    }

    /**
     * Takes the events of one request; the future completes once they are durable (with their log position, or
     * {@link Acknowledged#GRAPH} without a log). Called on a thread that may block briefly: the bodies are compressed
     * here, off the log's writer thread.
     */
    public CompletableFuture<Acknowledged> submit(List<LineageEvent> events, EventSource source) {
        if (log == null) {
            return writer.submit(events).thenApply(done -> Acknowledged.GRAPH);
        }
        Duration lag = progress.lag();
        if (lag.compareTo(maxLag) > 0) {
            return CompletableFuture.failedFuture(new OverloadedException("the graph lags " + lag.toMillis()
                    + " ms behind the event log (limit " + maxLag.toMillis() + " ms)"));
        }
        Instant now = Instant.now();
        var records = new ArrayList<EventRecord>(events.size());
        for (LineageEvent event : events) {
            records.add(EventRecord.of(event, source, now));
        }
        return log.append(records).thenApply(position -> {
            progress.appended(position, records.size());
            return new Acknowledged(position);
        });
    }

    /**
     * Blocks until every event acknowledged so far is in the graph, for writes that must be ordered after them (a
     * soft delete, an import's deletion line); false when that did not happen within {@code max}. True at once without
     * a log (acknowledged events are in the graph already).
     */
    public boolean awaitProjection(Duration max) {
        if (log == null) {
            return true;
        }
        return Boolean.TRUE.equals(progress.await(log.committedPosition(), max).block());
    }

    /**
     * What an acknowledgement promises.
     *
     * @param position the log position the events are at or before; null when they were committed to the graph
     */
    public record Acknowledged(LogPosition position) {
        public static final Acknowledged GRAPH = new Acknowledged(null);
    }
}
