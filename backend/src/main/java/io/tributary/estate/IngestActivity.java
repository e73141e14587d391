package io.tributary.estate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Ingest as the writer's meters count it ({@code tributary.ingest.batch.events}: events per committed transaction;
 * {@code tributary.ingest.queue}). The meters are totals since start; a sample every few seconds gives the rate over
 * about the last minute.
 */
@Component
class IngestActivity implements SmartLifecycle {

    private static final Duration EVERY = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** The GraphQL {@code IngestActivity}. */
    record Snapshot(OffsetDateTime since, long events, long commits, double eventsPerSecond, int queued) {}

    private record Sample(Instant at, double events) {}

    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Instant started = clock.instant();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile Disposable sampling;

    IngestActivity(MeterRegistry meters) {
        this.meters = meters;
    }

    Snapshot now() {
        DistributionSummary batches =
                meters.find("tributary.ingest.batch.events").summary();
        Gauge queue = meters.find("tributary.ingest.queue").gauge();
        double events = batches == null ? 0 : batches.totalAmount();
        Sample current = new Sample(clock.instant(), events);
        Sample oldest;
        synchronized (samples) {
            oldest = samples.isEmpty() ? current : samples.peekFirst();
        }
        double seconds = Duration.between(oldest.at(), current.at()).toMillis() / 1000.0;
        return new Snapshot(
                OffsetDateTime.ofInstant(started, ZoneOffset.UTC),
                (long) events,
                batches == null ? 0 : batches.count(),
                seconds <= 0 ? 0 : (current.events() - oldest.events()) / seconds,
                queue == null ? 0 : (int) queue.value());
    }

    private void sample() {
        DistributionSummary batches =
                meters.find("tributary.ingest.batch.events").summary();
        var sample = new Sample(clock.instant(), batches == null ? 0 : batches.totalAmount());
        synchronized (samples) {
            samples.addLast(sample);
            while (samples.size() > WINDOW.dividedBy(EVERY) + 1) {
                samples.removeFirst();
            }
        }
    }

    @Override
    public void start() {
        sample();
        sampling = Flux.interval(EVERY).subscribe(tick -> sample());
    }

    @Override
    public void stop() {
        if (sampling != null) {
            sampling.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return sampling != null && !sampling.isDisposed();
    }
}
