package io.tributary.projection;

import io.tributary.log.LogPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * How far the projector has come, for readers that wait for a position (read-your-writes) and for ingest's
 * backpressure. Waiting is a {@link Mono} that completes when the projector passes the position (or the bound
 * elapses): no thread waits, so a Netty event loop never blocks on it.
 */
public final class ProjectionProgress {

    /** The latest projected position; every waiter filters it. Replays the latest to late subscribers. */
    private final Sinks.Many<Long> positions = Sinks.many().replay().latest();

    private volatile long projected;
    /** When the oldest event the projector has read but not yet projected was received; null when caught up. */
    private volatile Instant oldestPending;
    /** Events this process appended and the projector has not passed yet, by the position of their append. */
    private final ConcurrentSkipListMap<Long, Integer> appended = new ConcurrentSkipListMap<>();

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong waitingReads = new AtomicLong();

    /** Whether the graph is being rebuilt from the log (cleared, then replayed): reads cannot wait for it. */
    private volatile boolean rebuilding;

    /** Wakes the projector when this process appended events. */
    private volatile Runnable wake = () -> {};

    /** Every event at or before this position is in the graph. */
    public LogPosition projected() {
        return new LogPosition(projected);
    }

    /**
     * Completes with true once the projector has passed {@code position}, or with false when {@code max} elapses
     * first.
     */
    public Mono<Boolean> await(LogPosition position, Duration max) {
        if (projected >= position.value()) {
            return Mono.just(true);
        }
        return Mono.defer(() -> {
            waitingReads.incrementAndGet();
            return positions
                    .asFlux()
                    .filter(p -> p >= position.value())
                    .next()
                    .map(p -> true)
                    .timeout(max, Mono.just(false))
                    .doFinally(signal -> waitingReads.decrementAndGet());
        });
    }

    /** Whether the graph is being rebuilt: reads answer at once, marked incomplete, and hand-set writes are refused. */
    public boolean rebuilding() {
        return rebuilding;
    }

    void rebuilding(boolean rebuilding) {
        this.rebuilding = rebuilding;
    }

    /** Requests (reads, deletes) waiting for the projector now. */
    public long waitingReads() {
        return waitingReads.get();
    }

    /** The projection lag: how long the oldest event not yet in the graph has waited; zero when caught up. */
    public Duration lag() {
        Instant oldest = oldestPending;
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(oldest, Instant.now());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /** Events this process appended that are not projected yet. */
    public long waiting() {
        return waiting.get();
    }

    /** Ingest appended {@code events} events ending at {@code position}. */
    public void appended(LogPosition position, int events) {
        if (position.value() > projected) {
            appended.merge(position.value(), events, Integer::sum);
            waiting.addAndGet(events);
            // The projector may have passed it in between: settle again.
            settle(projected);
        }
        wake.run();
    }

    void onAppend(Runnable wake) {
        this.wake = wake;
    }

    /** The projector read events up to its next window; the oldest was received at {@code receivedAt}. */
    void pending(Instant receivedAt) {
        oldestPending = receivedAt;
    }

    /** The projector caught up with the log. */
    void caughtUp() {
        oldestPending = null;
    }

    /** The projector committed every event up to {@code position}. Called by its one thread. */
    void advanced(LogPosition position) {
        projected = position.value();
        settle(position.value());
        positions.tryEmitNext(position.value());
    }

    private void settle(long position) {
        Map<Long, Integer> passed = appended.headMap(position, true);
        for (var entry : passed.entrySet()) {
            if (appended.remove(entry.getKey(), entry.getValue())) {
                waiting.addAndGet(-entry.getValue());
            }
        }
    }
}
