package io.tributary.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.neo4j.driver.Driver;

/**
 * The raw ceiling: the service's own writer (the rows it builds and its {@code cypher/ingest} statements, in one
 * transaction per batch) fed large batches over Bolt from one thread, as the service's single writer is. The events
 * are those the ingest benchmark posts, parsed before the clock runs: no HTTP, parsing or validation is counted;
 * building the rows (and compressing the archived bodies) is, as the service counts it.
 */
final class Ceiling {

    record Result(int batch, long events, double seconds, double perSecond) {}

    private final Driver driver;
    private final Workload workload;

    Ceiling(Driver driver, Workload workload) {
        this.driver = driver;
        this.workload = workload;
    }

    Result run(int batch, Duration length) {
        var writer = new ServiceWriter(driver, new SimpleMeterRegistry());
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        long end = System.nanoTime() + length.toNanos();
        long writing = 0;
        long events = 0;
        long i = 0;
        while (System.nanoTime() < end) {
            var group = new ArrayList<Workload.Event>(batch);
            while (group.size() < batch) {
                group.addAll(Workload.run(workload.job(i), UUID.randomUUID(), base.plusSeconds(i)));
                i++;
            }
            var parsed = writer.parse(group);
            long start = System.nanoTime();
            writer.write(parsed);
            writing += System.nanoTime() - start;
            events += group.size();
        }
        double seconds = writing / 1e9;
        return new Result(batch, events, seconds, events / seconds);
    }
}
