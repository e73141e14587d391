package io.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.ObjectMapper;

/**
 * Closed-loop ingest over HTTP: each client posts START then COMPLETE of its runs, one request at a time, on a shared
 * keep-alive client; latency is from send to the 201 (which the service gives only after commit).
 */
final class Ingest {

    /**
     * One run; {@code eventsPerCommit} and {@code commitMs} are the service's own group-commit figures over the run
     * (from its {@code tributary.ingest.batch.events} and {@code tributary.ingest.commit} meters).
     */
    record Result(
            String label,
            int clients,
            long events,
            long errors,
            double seconds,
            double perSecond,
            double p50Ms,
            double p99Ms,
            double eventsPerCommit,
            double commitMs,
            double cpuMsPerEvent) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Service service;
    private final Workload workload;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong sequence = new AtomicLong();
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z");

    Ingest(Service service, Workload workload) {
        this.service = service;
        this.workload = workload;
    }

    /**
     * Milliseconds from the service's readiness turning UP (as {@link Service} saw it) to the 201 of the first event
     * posted right after: what a client that starts sending as soon as the service is ready waits for.
     */
    long firstEventAfterReady() {
        var event = Workload.run(workload.job(0), UUID.randomUUID(), base.minusSeconds(3600))
                .getFirst();
        if (!post(event.json())) {
            throw new IllegalStateException("the first event after ready was not accepted");
        }
        return Duration.ofNanos(System.nanoTime() - service.readyAt()).toMillis();
    }

    /** As fast as the clients can go. */
    Result closedLoop(int clients, Duration length) throws InterruptedException {
        return run("closed", clients, length, 0);
    }

    /**
     * Paced at {@code eventsPerSecond} in total; latency counts from each event's scheduled send time, so a stall is
     * charged to every event it delays (no coordinated omission).
     */
    Result paced(int clients, Duration length, double eventsPerSecond) throws InterruptedException {
        return run("paced", clients, length, eventsPerSecond);
    }

    private Result run(String label, int clients, Duration length, double rate) throws InterruptedException {
        var histogram = new ConcurrentHistogram(3);
        double[] batchesBefore = meter("tributary.ingest.batch.events");
        double[] commitsBefore = meter("tributary.ingest.commit");
        double cpuBefore = Machine.cpuMillis(service.pid());
        var events = new AtomicLong();
        var errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        double intervalNanos = rate > 0 ? 1e9 * clients / rate : 0;
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            long offset = (long) (intervalNanos * c / clients);
            threads.add(Thread.ofPlatform().start(() -> {
                long scheduled = start + offset;
                while (System.nanoTime() < end) {
                    long i = sequence.getAndIncrement();
                    for (Workload.Event e : Workload.run(
                            workload.job(i),
                            UUID.randomUUID(),
                            base.plusSeconds(i).plusNanos(i % 1000))) {
                        long sent = System.nanoTime();
                        if (rate > 0) {
                            scheduled += (long) intervalNanos;
                            long wait = scheduled - System.nanoTime();
                            if (wait > 0) {
                                sleepNanos(wait);
                            }
                            sent = scheduled;
                        }
                        if (post(e.json())) {
                            histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                            events.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = Machine.cpuMillis(service.pid()) - cpuBefore;
        double[] batches = meter("tributary.ingest.batch.events");
        double[] commits = meter("tributary.ingest.commit");
        double groups = Math.max(1, batches[0] - batchesBefore[0]);
        return new Result(
                label,
                clients,
                events.get(),
                errors.get(),
                seconds,
                events.get() / seconds,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                (batches[1] - batchesBefore[1]) / groups,
                1000 * (commits[1] - commitsBefore[1]) / groups,
                cpu / Math.max(1, events.get()));
    }

    /** COUNT and TOTAL(_TIME) of a service meter, from Actuator. */
    private double[] meter(String name) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(service.uri("/actuator/metrics/" + name))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var values = new double[2];
            for (var m : JSON.readTree(response.body()).path("measurements")) {
                String statistic = m.path("statistic").asString();
                if (statistic.equals("COUNT")) {
                    values[0] = m.path("value").asDouble();
                } else if (statistic.startsWith("TOTAL")) {
                    values[1] = m.path("value").asDouble();
                }
            }
            return values;
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private boolean post(String json) {
        var request = HttpRequest.newBuilder(service.uri("/api/v1/lineage"))
                .header("Authorization", "Bearer " + Service.API_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
