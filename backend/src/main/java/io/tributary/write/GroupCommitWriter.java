package io.tributary.write;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.TributaryProperties;
import io.tributary.event.LineageEvent;
import io.tributary.store.UnreachableBackoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit: events from concurrent requests are coalesced into shared transactions by one writer thread, and each
 * request is answered when the transaction holding its events has committed. One writer keeps per-run ordering and
 * avoids lock contention between our own transactions; batching makes the commit cost per event small.
 *
 * <p>A request's events are always in the same transaction. If a shared transaction fails, its requests are retried
 * one by one, so one bad request cannot fail the others.
 */
@Component
public class GroupCommitWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final GraphWriter writer;
    private final CommittedEvents committed;
    private final GraphChanges changes;
    private final TributaryProperties.Ingest settings;
    private final BlockingQueue<Pending> queue;
    private final Timer commitTimer;
    private final DistributionSummary batchSize;
    private volatile boolean running;
    /** While the database is unreachable, events are refused without waiting for it. */
    private final UnreachableBackoff unreachable = new UnreachableBackoff(UnreachableBackoff.DEFAULT);

    private Thread thread;

    GroupCommitWriter(
            GraphWriter writer,
            CommittedEvents committed,
            GraphChanges changes,
            TributaryProperties properties,
            MeterRegistry meters) {
        this.writer = writer;
        this.committed = committed;
        this.changes = changes;
        this.settings = properties.ingest();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.commitTimer = Timer.builder("tributary.ingest.commit")
                .description("Time to commit one group of events")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.batchSize = DistributionSummary.builder("tributary.ingest.batch.events")
                .description("Events per committed transaction")
                .register(meters);
        meters.gauge("tributary.ingest.queue", queue, BlockingQueue::size);
    }

    /**
     * Queues the events of one request; the future completes once they are committed, or fails with
     * {@link OverloadedException} at once when the queue is full.
     */
    public CompletableFuture<Void> submit(List<LineageEvent> events) {
        var pending = new Pending(List.copyOf(events), new CompletableFuture<>());
        String refusing = unreachable.refusing();
        if (!running) {
            pending.done().completeExceptionally(new OverloadedException("the writer is not running"));
        } else if (refusing != null) {
            pending.done().completeExceptionally(unreachableNow(refusing));
        } else if (!queue.offer(pending)) {
            pending.done().completeExceptionally(new OverloadedException("ingest queue is full"));
        }
        return pending.done();
    }

    private void loop() {
        var group = new ArrayList<Pending>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.events().size();
                Pending next;
                while (events < settings.groupCommitMaxEvents() && (next = queue.peek()) != null) {
                    if (events + next.events().size() > settings.groupCommitMaxEvents()) {
                        break;
                    }
                    group.add(queue.poll());
                    events += next.events().size();
                }
                String refusing = unreachable.refusing();
                if (refusing != null) {
                    // Requests queued behind a failed commit: answer them now instead of one timeout each.
                    group.forEach(p -> p.done().completeExceptionally(unreachableNow(refusing)));
                    continue;
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Unexpected failure in the ingest writer", e);
                group.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        var events = new ArrayList<LineageEvent>();
        group.forEach(p -> events.addAll(p.events()));
        try {
            commitTimer.record(() -> writer.write(events, settings.writeTimeout()));
            batchSize.record(events.size());
            // Copies of the graph (the lineage index) catch up before the ingest is answered.
            changes.committed(events);
            unreachable.reached();
            group.forEach(p -> p.done().complete(null));
            committed.published(events);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            // The database, not a request, is the problem: retrying one by one would only wait longer.
            unreachable.found(e);
            log.warn(
                    "Database unreachable; refusing ingest for {} ms: {}",
                    unreachable.backoff().toMillis(),
                    e.toString());
            group.forEach(p -> p.done().completeExceptionally(e));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(e);
                return;
            }
            log.warn(
                    "Group of {} requests failed to commit ({}); retrying them one by one", group.size(), e.toString());
            for (Pending p : group) {
                commit(List.of(p));
            }
        }
    }

    /**
     * A new exception per refused request: one shared instance would collect every request's Reactor checkpoint
     * (suppressed) traces and grow for as long as the outage lasts.
     */
    private static ServiceUnavailableException unreachableNow(String cause) {
        return new ServiceUnavailableException("The database is unreachable: " + cause);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("tributary-writer").daemon(false).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        try {
            // Drain what was accepted before shutdown so that no queued request is left unanswered.
            if (thread != null && !thread.join(Duration.ofSeconds(30))) {
                log.warn("Ingest writer did not drain within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before and stop after the web server (which drains requests waiting on us), before the database closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record Pending(List<LineageEvent> events, CompletableFuture<Void> done) {}
}
