package io.tributary.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.store.UnreachableBackoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread that commits whatever appends have queued while the previous commit ran, as one group: under load
 * the group grows, so the fixed cost of a commit (an fsync, a transaction) is shared by more events.
 *
 * @param <P> one append's payload, prepared by the caller's thread
 */
final class GroupCommit<P> implements AutoCloseable {

    /** Commits a group durably and returns, per payload in order, a position at or after all of its events. */
    interface Writer<P> {
        List<LogPosition> write(List<P> group) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Writer<P> writer;
    private final int maxEvents;
    private final long maxBytes;
    private final BlockingQueue<Pending<P>> queue;
    /** Appends take it shared, close exclusively: nothing is queued after the writer was told to stop. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();

    private final Timer commits;
    private final DistributionSummary groupEvents;
    private final Counter appended;
    private final Counter refused;
    private final Thread thread;
    private volatile boolean running = true;
    /** While the log's store is unreachable, appends are refused without trying it. */
    private final UnreachableBackoff unreachable;

    /**
     * @param unreachableBackoff after a commit failed because the store is unreachable, appends are refused at once for
     *     this long; the first append after it tries the store again, so appends recover by themselves
     */
    GroupCommit(
            String logName,
            Writer<P> writer,
            int maxEvents,
            long maxBytes,
            int queueCapacity,
            Duration unreachableBackoff,
            MeterRegistry meters) {
        this.writer = writer;
        this.unreachable = new UnreachableBackoff(unreachableBackoff);
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.commits = Timer.builder("tributary.log.commit")
                .description("Time to make one group of appended events durable")
                .tag("log", logName)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.groupEvents = DistributionSummary.builder("tributary.log.group.events")
                .description("Events per durable group commit")
                .tag("log", logName)
                .register(meters);
        this.appended = Counter.builder("tributary.log.appended.events")
                .description("Events made durable in the log")
                .tag("log", logName)
                .register(meters);
        this.refused = Counter.builder("tributary.log.refused.events")
                .description("Appends refused at once because the log's store was found unreachable moments before")
                .tag("log", logName)
                .register(meters);
        meters.gauge(
                "tributary.log.queue",
                List.of(io.micrometer.core.instrument.Tag.of("log", logName)),
                queue,
                q -> q.size());
        this.thread = Thread.ofPlatform()
                .name("tributary-log-" + logName)
                .daemon(false)
                .start(this::loop);
    }

    CompletableFuture<LogPosition> submit(P payload, int events, long bytes) {
        var pending = new Pending<>(payload, events, bytes, new CompletableFuture<LogPosition>());
        closing.readLock().lock();
        try {
            String refusing = unreachable.refusing();
            if (!running) {
                pending.done().completeExceptionally(new EventLogException("the event log is closed"));
            } else if (refusing != null) {
                refuse(List.of(pending), refusing);
            } else if (!queue.offer(pending)) {
                pending.done().completeExceptionally(new EventLogException("the event log's queue is full"));
            }
        } finally {
            closing.readLock().unlock();
        }
        return pending.done();
    }

    private void loop() {
        var group = new ArrayList<Pending<P>>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<P> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.events();
                long bytes = first.bytes();
                Pending<P> next;
                while ((next = queue.peek()) != null
                        && events + next.events() <= maxEvents
                        && bytes + next.bytes() <= maxBytes) {
                    group.add(queue.poll());
                    events += next.events();
                    bytes += next.bytes();
                }
                String refusing = unreachable.refusing();
                if (refusing != null) {
                    // Appends queued behind a commit that found the store gone: answer them now, not one timeout each.
                    refuse(group, refusing);
                } else {
                    commit(group, events);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending<P>> group, int events) {
        List<LogPosition> positions;
        long started = System.nanoTime();
        try {
            positions = writer.write(group.stream().map(Pending::payload).toList());
        } catch (EventLogUnavailableException e) {
            unreachable.found(e);
            log.warn(
                    "Could not commit {} appended events, the log's store is unreachable; refusing appends for {} ms: {}",
                    events,
                    unreachable.backoff().toMillis(),
                    e.toString());
            group.forEach(p -> p.done().completeExceptionally(e));
            return;
        } catch (Exception | Error e) {
            log.warn("Could not commit {} appended events to the event log: {}", events, e.toString());
            var failure = e instanceof EventLogException logFailure
                    ? logFailure
                    : new EventLogException("the event log could not commit: " + e.getMessage(), e);
            group.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        unreachable.reached();
        commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        groupEvents.record(events);
        appended.increment(events);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(positions.get(i));
        }
    }

    /**
     * A new exception per refused append: one shared instance would gather every request's Reactor checkpoint traces
     * (suppressed) for as long as the outage lasts.
     */
    private void refuse(List<Pending<P>> appends, String cause) {
        int events = 0;
        for (Pending<P> p : appends) {
            p.done()
                    .completeExceptionally(
                            new EventLogUnavailableException("the event log's store is unreachable: " + cause));
            events += p.events();
        }
        refused.increment(events);
    }

    /** Stops taking appends and waits for those queued to be committed. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            running = false;
        } finally {
            closing.writeLock().unlock();
        }
        try {
            if (!thread.join(Duration.ofSeconds(60))) {
                log.warn("The event log's writer did not drain within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending<P>(P payload, int events, long bytes, CompletableFuture<LogPosition> done) {}
}
