package io.tributary.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.log.Neo4jEventLog;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The retention purge of the raw event archive: {@code :Event} nodes older than a cut-off, deleted in batches of one
 * transaction each (a purge of millions never holds one huge transaction), until none is left. The lineage graph is
 * never touched. Runs every {@code tributary.retention.interval} when a retention is configured, and on demand.
 */
@Component
class EventPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPurge.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

    private final GraphStore store;
    private final RetentionProperties retention;
    private final Counter purged;
    private ScheduledExecutorService scheduler;

    EventPurge(GraphStore store, RetentionProperties retention, MeterRegistry meters) {
        this.store = store;
        this.retention = retention;
        this.purged = Counter.builder("tributary.retention.purged.events")
                .description("Raw archived events deleted by the retention purge")
                .register(meters);
    }

    /** The cut-off of the configured retention now, or null when none is configured. */
    OffsetDateTime configuredCutoff() {
        return retention.events() == null
                ? null
                : OffsetDateTime.now(ZoneOffset.UTC).minus(retention.events());
    }

    /** Deletes every archived event with an event time before {@code before}; returns how many. */
    synchronized long purgeBefore(OffsetDateTime before) {
        long total = 0;
        while (true) {
            long batch = store.write(
                    "lifecycle/purge-events",
                    new PurgeBatch(before, retention.batchSize(), Neo4jEventLog.NAME),
                    BATCH_TIMEOUT,
                    r -> r.single().get("purged").asLong());
            total += batch;
            purged.increment(batch);
            if (batch < retention.batchSize()) {
                return total;
            }
        }
    }

    /**
     * One batch of the purge: at most {@code batch} events older than {@code before}, none of the Neo4j event log that
     * its projector has not passed ({@code log}: the name its position is recorded under).
     */
    private record PurgeBatch(OffsetDateTime before, int batch, String log) {}

    private void scheduledPurge() {
        try {
            OffsetDateTime cutoff = configuredCutoff();
            long count = purgeBefore(cutoff);
            log.info("Retention purge: {} raw events with an event time before {} deleted", count, cutoff);
        } catch (RuntimeException e) {
            // The next interval tries again; a failed batch was rolled back whole.
            log.warn("Retention purge failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (retention.events() == null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tributary-retention").daemon(true).factory());
        long every = retention.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduledPurge, every, every, TimeUnit.MILLISECONDS);
        log.info("Raw events older than {} are purged every {}", retention.events(), retention.interval());
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
