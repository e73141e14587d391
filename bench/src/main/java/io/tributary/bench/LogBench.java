package io.tributary.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.TributaryApplication;
import io.tributary.digest.Sha256;
import io.tributary.log.EventLog;
import io.tributary.log.EventRecord;
import io.tributary.log.EventSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The event log candidates measured side by side ({@code -Dbench.mode=log}): the file log (segment files, one fsync
 * per group) and the Neo4j log (the {@code (:Event)} archive, one transaction per group). Each runs inside the service
 * as it does in production (the whole service started in this JVM with {@code tributary.log.mode}, embedded Neo4j,
 * fresh data directory under {@code bench/target}), and 1, 16 and 64 closed-loop appenders append one event per call
 * as request threads would: the body is compressed on the appender's thread, then it waits for the durable
 * acknowledgement. Latency counts from before compression to the acknowledgement. Two workloads: {@code estate}
 * (1–5 KB events) and {@code churn} (~21 KB). Prints a table and writes {@code bench/results/event-log.json}.
 *
 * <p>System properties: {@code bench.logSeconds} (per level, default 10), {@code bench.logModes} (default
 * {@code file,neo4j}).
 */
final class LogBench {

    /**
     * One level. {@code eventsPerGroup} and {@code commitMs} come from the log's own meters
     * ({@code tributary.log.group.events}, {@code tributary.log.commit}); {@code cpuMsPerEvent} is this whole JVM's
     * CPU (appenders, log, database) per acknowledged event.
     */
    record Result(
            String log,
            String workload,
            int appenders,
            long events,
            long errors,
            double seconds,
            double perSecond,
            double p50Ms,
            double p99Ms,
            double maxMs,
            double eventsPerGroup,
            double commitMs,
            double cpuMsPerEvent,
            double jsonKiB,
            double gzipKiB,
            String loadAverage) {}

    private static final List<Integer> APPENDERS = List.of(1, 16, 64);

    private final AtomicLong sequence = new AtomicLong();
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z");

    private LogBench() {}

    static void run() throws Exception {
        var length = Duration.ofSeconds(Integer.getInteger("bench.logSeconds", 10));
        List<String> modes =
                List.of(System.getProperty("bench.logModes", "file,neo4j").split(","));
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(root.resolve("bench/target"));
        Path results = Files.createDirectories(root.resolve("bench/results"));
        var workloads = new LinkedHashMap<String, Workload>();
        workloads.put("estate", new Workload("estate", 400, 1_000, 42, Workload.Shape.ESTATE));
        workloads.put("churn", new Workload("churn", 400, 1_000, 42, Workload.Shape.CHURN));
        var report = new LinkedHashMap<String, Object>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put("settings", Map.of("seconds", length.toSeconds(), "appenders", APPENDERS));
        System.out.printf("Event log benchmark: %s, %d s per level%n", Machine.describe(), length.toSeconds());

        var bench = new LogBench();
        var all = new ArrayList<Result>();
        var stores = new LinkedHashMap<String, Object>();
        for (String mode : modes) {
            Path data = Files.createTempDirectory(work, "log-" + mode + "-");
            try (var service = start(mode, data)) {
                EventLog log = service.getBean(EventLog.class);
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                bench.measure(log, meters, "warm-up", workloads.get("estate"), 4, Duration.ofSeconds(3));
                for (var workload : workloads.entrySet()) {
                    for (int appenders : APPENDERS) {
                        var r = bench.measure(log, meters, workload.getKey(), workload.getValue(), appenders, length);
                        all.add(r);
                        System.out.printf(
                                "  %-5s %-6s %2d appenders: %,8.0f events/s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f"
                                        + " ms  %6.1f events/group  commit %6.2f ms  CPU %.2f ms/event  event %.1f KiB"
                                        + " (%.1f KiB gzip)  errors %d  (load %s)%n",
                                r.log(),
                                r.workload(),
                                r.appenders(),
                                r.perSecond(),
                                r.p50Ms(),
                                r.p99Ms(),
                                r.maxMs(),
                                r.eventsPerGroup(),
                                r.commitMs(),
                                r.cpuMsPerEvent(),
                                r.jsonKiB(),
                                r.gzipKiB(),
                                r.errors(),
                                r.loadAverage());
                    }
                }
                var store = store(mode, data, service);
                stores.put(mode, store);
                System.out.printf("  %s store after the run: %s%n", mode, store);
            }
        }
        report.put("results", all);
        report.put("stores", stores);
        report.put("finishedAt", Instant.now().toString());
        new ObjectMapper()
                .writer(SerializationFeature.INDENT_OUTPUT)
                .writeValue(results.resolve("event-log.json").toFile(), report);
        System.out.println("results: " + results.resolve("event-log.json"));
    }

    private static ConfigurableApplicationContext start(String mode, Path data) {
        return new SpringApplicationBuilder(TributaryApplication.class)
                .run(
                        "--server.port=0",
                        "--tributary.data-dir=" + data,
                        "--tributary.api-key=bench-key",
                        "--tributary.log.mode=" + mode,
                        "--logging.level.root=WARN");
    }

    private Result measure(
            EventLog log, MeterRegistry meters, String name, Workload workload, int appenders, Duration length)
            throws InterruptedException {
        String load = Footprint.loadAverage();
        DistributionSummary groups =
                meters.get("tributary.log.group.events").tag("log", log.name()).summary();
        Timer commits =
                meters.get("tributary.log.commit").tag("log", log.name()).timer();
        long groupsBefore = groups.count();
        double eventsBefore = groups.totalAmount();
        double commitNanosBefore = commits.totalTime(TimeUnit.NANOSECONDS);
        long pid = ProcessHandle.current().pid();
        double cpuBefore = Machine.cpuMillis(pid);

        var latency = new ConcurrentHistogram(3);
        var events = new AtomicLong();
        var errors = new AtomicLong();
        var jsonBytes = new AtomicLong();
        var gzipBytes = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        var threads = new ArrayList<Thread>();
        for (int a = 0; a < appenders; a++) {
            threads.add(Thread.ofPlatform().name("appender-" + a).start(() -> {
                while (System.nanoTime() < deadline) {
                    long n = sequence.getAndIncrement();
                    for (Workload.Event event : Workload.run(workload.job(n), UUID.randomUUID(), base.plusSeconds(n))) {
                        // As the parser would have: the content hash and the archive's lookup values.
                        String id = Sha256.hex(event.json());
                        var summary = new EventRecord.Summary(
                                "RUN",
                                event.eventType(),
                                event.time().atOffset(ZoneOffset.UTC),
                                event.runId().toString(),
                                event.job().namespace(),
                                event.job().name(),
                                Workload.PRODUCER);
                        long t0 = System.nanoTime();
                        try {
                            var record = EventRecord.of(id, event.json(), EventSource.HTTP, Instant.now(), summary);
                            log.append(List.of(record)).join();
                            latency.recordValue(System.nanoTime() - t0);
                            events.incrementAndGet();
                            jsonBytes.addAndGet(event.json().length());
                            gzipBytes.addAndGet(record.jsonGzip().length);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Machine.cpuMillis(pid) - cpuBefore;
        long groupCount = groups.count() - groupsBefore;
        long n = events.get();
        return new Result(
                log.name(),
                name,
                appenders,
                n,
                errors.get(),
                seconds,
                n / seconds,
                latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6,
                groupCount == 0 ? 0 : (groups.totalAmount() - eventsBefore) / groupCount,
                groupCount == 0 ? 0 : (commits.totalTime(TimeUnit.NANOSECONDS) - commitNanosBefore) / groupCount / 1e6,
                n == 0 ? 0 : cpu / n,
                n == 0 ? 0 : jsonBytes.get() / 1024.0 / n,
                n == 0 ? 0 : gzipBytes.get() / 1024.0 / n,
                load);
    }

    /** What the run left on disk: the log's bytes, or the archive's nodes and the database's size. */
    private static Map<String, Object> store(String mode, Path data, ConfigurableApplicationContext service)
            throws IOException {
        var store = new LinkedHashMap<String, Object>();
        if (mode.equals("file")) {
            store.put("logBytes", size(data.resolve("event-log")));
        } else {
            try (var session = service.getBean(Driver.class).session()) {
                store.put(
                        "events",
                        session.run("MATCH (e:Event) RETURN count(e) AS n")
                                .single()
                                .get("n")
                                .asLong());
            }
            store.put("databaseBytes", size(data.resolve("neo4j")));
        }
        return store;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
