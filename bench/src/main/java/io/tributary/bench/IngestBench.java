package io.tributary.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The ingest benchmark by named workload ({@code -Dbench.mode=ingest}, see {@link NamedWorkload}): for each workload a
 * fresh service and store, a warm-up, then closed-loop levels of 1, 4 and 16 clients. Each client posts the events of
 * one run at a time (START, RUNNING…, COMPLETE), retrying 5xx and 429 as the OpenLineage clients do.
 *
 * <p>An event counts when it is <em>projected</em>, not when it is acknowledged: at the end of a level each client's
 * last run must be COMPLETED through GraphQL ({@link Visibility}), and the projected rate is the level's events
 * divided by the time from the first send until that answer. A 201 is never taken to mean visible, so the figures
 * keep their meaning whether the service acknowledges after the graph commit or after a log append. While the load
 * runs, one sampler thread measures visibility lag (the 201 of a run's COMPLETE to the first GraphQL answer showing it
 * COMPLETED) for the runs it has room for, at most {@link Visibility#PER_QUERY} pending, one query every
 * {@code bench.pollMillis}.
 *
 * <p>System properties: {@code bench.workload} ({@code estate}, {@code churn} or both, comma-separated; default both),
 * {@code bench.levels} (default {@code 1,4,16}), {@code bench.ingestSeconds} (per level, default 10),
 * {@code bench.seed} (default 42), {@code bench.heap} (service -Xmx, default 1g), {@code bench.props} (service
 * properties, comma-separated {@code name=value}, e.g. {@code tributary.log.mode=file}), {@code bench.profile}
 * ({@code true}: a JFR recording with native method samples in {@code bench/results/ingest-<workload>.jfr}),
 * {@code bench.pollMillis} (sampler interval, default 25), {@code bench.jar}, {@code bench.neo4jConf}.
 */
final class IngestBench {

    /** One concurrency level of one workload. Times in ms, rates in events/s. */
    record Result(
            String workload,
            int clients,
            long runs,
            long events,
            long errors,
            long retries,
            double meanEventBytes,
            double sendSeconds,
            double ackPerSecond,
            double projectedPerSecond,
            double visibleAfterLastAckMs,
            double ackP50Ms,
            double ackP99Ms,
            double lagP50Ms,
            double lagP99Ms,
            long lagSamples,
            long lagUnresolved,
            double serviceCpuMsPerEvent,
            Map<String, Double> statementMsPerEvent,
            double windowMsPerEvent,
            double eventsPerWindow,
            Map<String, Long> storeBefore,
            Map<String, Long> storeAfter,
            String loadStart,
            String loadEnd) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VISIBLE_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 30;

    private final Service service;
    private final NamedWorkload workload;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Visibility visibility;
    private final AtomicLong sequence = new AtomicLong();
    private final long pollNanos =
            Duration.ofMillis(Integer.getInteger("bench.pollMillis", 25)).toNanos();

    private IngestBench(Service service, NamedWorkload workload) {
        this.service = service;
        this.workload = workload;
        this.visibility = new Visibility(service, http);
    }

    static void run() throws Exception {
        List<String> workloads = split(System.getProperty("bench.workload", "estate,churn"));
        List<Integer> levels = split(System.getProperty("bench.levels", "1,4,16")).stream()
                .map(Integer::valueOf)
                .toList();
        var length = Duration.ofSeconds(Integer.getInteger("bench.ingestSeconds", 10));
        long seed = Long.getLong("bench.seed", 42);
        String heap = System.getProperty("bench.heap", "1g");
        List<String> props = split(System.getProperty("bench.props", ""));
        boolean profile = Boolean.getBoolean("bench.profile");
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve(System.getProperty("bench.jar", "backend/target/tributary.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run from the repository root after building backend/target/tributary.jar");
        }
        Path work = Files.createDirectories(root.resolve("bench/target"));
        Path results = Files.createDirectories(root.resolve("bench/results"));
        System.out.printf(
                "Ingest benchmark: workloads %s, %s clients, %d s per level, seed %d, service -Xmx%s %s; %s%n",
                workloads, levels, length.toSeconds(), seed, heap, props, Machine.describe());

        for (String name : workloads) {
            var named = NamedWorkload.named(name, seed);
            var options = new ArrayList<String>();
            props.forEach(p -> options.add("-D" + p));
            Path jfr = results.resolve("ingest-" + name + ".jfr");
            if (profile) {
                Files.deleteIfExists(jfr);
                // Cypher's stacks run deeper than JFR's default 64 frames: without this, samples lose the statement
                // phase (planning, execution, commit) they belong to.
                options.add("-XX:FlightRecorderOptions=stackdepth=512");
                options.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true,"
                        + "jdk.NativeMethodSample#enabled=true,jdk.NativeMethodSample#period=10ms");
            }
            Path log = work.resolve("service-ingest-" + name + ".log");
            Files.deleteIfExists(log);
            var report = new LinkedHashMap<String, Object>();
            report.put("startedAt", Instant.now().toString());
            report.put("workload", name);
            report.put("seed", seed);
            report.put("machine", Machine.describe());
            var levelResults = new ArrayList<Result>();
            try (var service = new Service(
                            jar, Files.createTempDirectory(work, "ingest-" + name + "-"), heap, options, log);
                    var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none())) {
                report.put("settings", settings(driver, heap, options));
                var bench = new IngestBench(service, named);
                bench.level(driver, 4, Duration.ofSeconds(3)); // warm-up: JIT, plan cache, the estate's first runs
                for (int clients : levels) {
                    var r = bench.level(driver, clients, length);
                    levelResults.add(r);
                    System.out.printf(
                            "  %-6s %2d clients: projected %,7.0f events/s  ack %,7.0f events/s  ack p50 %6.1f p99"
                                    + " %7.1f ms  lag p50 %6.1f p99 %7.1f ms (%d samples)  last visible %+.0f ms"
                                    + " after last ack  %,d events of %,.0f B  errors %d retries %d  CPU %.2f"
                                    + " ms/event  store %s -> %s  load %s -> %s%n",
                            r.workload(),
                            r.clients(),
                            r.projectedPerSecond(),
                            r.ackPerSecond(),
                            r.ackP50Ms(),
                            r.ackP99Ms(),
                            r.lagP50Ms(),
                            r.lagP99Ms(),
                            r.lagSamples(),
                            r.visibleAfterLastAckMs(),
                            r.events(),
                            r.meanEventBytes(),
                            r.errors(),
                            r.retries(),
                            r.serviceCpuMsPerEvent(),
                            r.storeBefore().values(),
                            r.storeAfter().values(),
                            r.loadStart(),
                            r.loadEnd());
                    System.out.printf(
                            "         projection windows %.3f ms per event, %.0f events per window; write statements"
                                    + " %.3f in all: %s%n",
                            r.windowMsPerEvent(),
                            r.eventsPerWindow(),
                            r.statementMsPerEvent().values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum(),
                            r.statementMsPerEvent().entrySet().stream()
                                    .limit(12)
                                    .map(e -> String.format("%s %.3f", e.getKey(), e.getValue()))
                                    .toList());
                }
            }
            report.put("levels", levelResults);
            report.put("finishedAt", Instant.now().toString());
            Path file = results.resolve("ingest-" + name + ".json");
            new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
            System.out.println("results: " + file);
            if (profile) {
                System.out.println("JFR " + jfr + ", native method samples (all threads), top frames:");
                Profile.hotMethods(jfr, 15, null, "jdk.NativeMethodSample")
                        .forEach(h -> System.out.printf("  %5.1f%%  %s%n", h.percent(), h.method()));
                System.out.println("JFR, execution samples (all threads), top frames:");
                Profile.hotMethods(jfr, 15, null)
                        .forEach(h -> System.out.printf("  %5.1f%%  %s%n", h.percent(), h.method()));
            }
        }
    }

    /** A run the sampler waits to see COMPLETED, with the time of its COMPLETE's 201. */
    private record Sample(UUID runId, long ackedAt) {}

    private Result level(Driver driver, int clients, Duration length) throws IOException, InterruptedException {
        String loadStart = Footprint.loadAverage();
        Map<String, Long> storeBefore = store(driver);
        double cpuBefore = Machine.cpuMillis(service.pid());
        var timesBefore = StatementTimes.read(http, service);
        var ack = new ConcurrentHistogram(3);
        var lag = new Histogram(3);
        var pending = new ConcurrentLinkedQueue<Sample>();
        var pendingCount = new AtomicInteger();
        var events = new AtomicLong();
        var runs = new AtomicLong();
        var bytes = new AtomicLong();
        var errors = new AtomicLong();
        var retries = new AtomicLong();
        var lastAck = new AtomicLong();
        var lastRuns = new UUID[clients];
        var sending = new AtomicBoolean(true);
        long start = System.nanoTime();
        long end = start + length.toNanos();

        Thread sampler = Thread.ofPlatform().name("lag-sampler").start(() -> {
            var waiting = new ArrayList<Sample>();
            long drainDeadline = Long.MAX_VALUE;
            while (true) {
                for (Sample s; (s = pending.poll()) != null; ) {
                    waiting.add(s);
                }
                if (waiting.isEmpty()) {
                    if (!sending.get()) {
                        return;
                    }
                    sleepNanos(Duration.ofMillis(5).toNanos());
                    continue;
                }
                if (!sending.get() && drainDeadline == Long.MAX_VALUE) {
                    drainDeadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
                }
                if (System.nanoTime() > drainDeadline) {
                    return; // what is still waiting is counted as unresolved
                }
                var ids = waiting.stream().map(Sample::runId).toList();
                var seen = visibility.completed(ids);
                long answered = System.nanoTime();
                waiting.removeIf(s -> {
                    if (seen.contains(s.runId())) {
                        lag.recordValue(Math.max(1, (answered - s.ackedAt()) / 1000));
                        pendingCount.decrementAndGet();
                        return true;
                    }
                    return false;
                });
                sleepNanos(pollNanos);
            }
        });

        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                while (System.nanoTime() < end) {
                    var run = workload.run(sequence.getAndIncrement());
                    boolean all = true;
                    for (int i = 0; i < run.events().size(); i++) {
                        String json = run.events().get(i);
                        long sent = System.nanoTime();
                        if (post(json, retries)) {
                            long acked = System.nanoTime();
                            ack.recordValue(Math.max(1, (acked - sent) / 1000));
                            events.incrementAndGet();
                            bytes.addAndGet(json.getBytes(StandardCharsets.UTF_8).length);
                            lastAck.accumulateAndGet(acked, Math::max);
                            boolean terminal = i == run.events().size() - 1;
                            // Sample only what the sampler has room for, so that it never falls behind the load.
                            if (terminal && all && pendingCount.get() < Visibility.PER_QUERY) {
                                pendingCount.incrementAndGet();
                                pending.add(new Sample(run.runId(), acked));
                            }
                        } else {
                            errors.incrementAndGet();
                            all = false;
                        }
                    }
                    if (all) {
                        runs.incrementAndGet();
                        lastRuns[client] = run.runId();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        sending.set(false);
        List<UUID> last = Arrays.stream(lastRuns).filter(r -> r != null).toList();
        long visibleAt = visibility.awaitCompleted(last, VISIBLE_TIMEOUT);
        sampler.join();
        double cpu = Machine.cpuMillis(service.pid()) - cpuBefore;
        long n = events.get();
        var timesAfter = StatementTimes.read(http, service);
        double ackSeconds = (lastAck.get() - start) / 1e9;
        double projectedSeconds = visibleAt < 0 ? Double.NaN : (visibleAt - start) / 1e9;
        return new Result(
                workload.name(),
                clients,
                runs.get(),
                n,
                errors.get(),
                retries.get(),
                n == 0 ? 0 : (double) bytes.get() / n,
                length.toNanos() / 1e9,
                n / ackSeconds,
                n / projectedSeconds,
                visibleAt < 0 ? Double.NaN : (visibleAt - lastAck.get()) / 1e6,
                ack.getValueAtPercentile(50) / 1000.0,
                ack.getValueAtPercentile(99) / 1000.0,
                lag.getTotalCount() == 0 ? Double.NaN : lag.getValueAtPercentile(50) / 1000.0,
                lag.getTotalCount() == 0 ? Double.NaN : lag.getValueAtPercentile(99) / 1000.0,
                lag.getTotalCount(),
                pendingCount.get(),
                n == 0 ? 0 : cpu / n,
                timesAfter.statementMsPerEventSince(timesBefore, n),
                timesAfter.windowMsPerEventSince(timesBefore, n),
                timesAfter.eventsPerWindowSince(timesBefore),
                storeBefore,
                store(driver),
                loadStart,
                Footprint.loadAverage());
    }

    /**
     * Posts one event until it is acknowledged: 5xx and 429 are retried after their {@code Retry-After} (or a short
     * back-off), as the OpenLineage clients do; any other answer is an error. True on 201.
     */
    private boolean post(String json, AtomicLong retries) {
        var request = HttpRequest.newBuilder(service.uri("/api/v1/lineage"))
                .header("Authorization", "Bearer " + Service.API_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long backoff = Math.min(2_000, 100L * attempt);
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status == 201) {
                    return true;
                }
                if (status != 429 && status < 500) {
                    return false;
                }
                backoff = response.headers()
                        .firstValue("Retry-After")
                        .map(s -> 1000 * Long.parseLong(s.trim()))
                        .orElse(backoff);
            } catch (Exception e) {
                // connection trouble: retried like a 5xx
            }
            retries.incrementAndGet();
            sleepNanos(Duration.ofMillis(backoff).toNanos());
        }
        return false;
    }

    /** Nodes, relationships and archived events of the store, counted over Bolt. */
    private static Map<String, Long> store(Driver driver) {
        var counts = new LinkedHashMap<String, Long>();
        try (var session = driver.session()) {
            counts.put(
                    "nodes",
                    session.run("MATCH (n) RETURN count(n) AS c")
                            .single()
                            .get("c")
                            .asLong());
            counts.put(
                    "relationships",
                    session.run("MATCH ()-[r]->() RETURN count(r) AS c")
                            .single()
                            .get("c")
                            .asLong());
            counts.put(
                    "events",
                    session.run("MATCH (e:Event) RETURN count(e) AS c")
                            .single()
                            .get("c")
                            .asLong());
        }
        return counts;
    }

    /** The service's JVM options and the database's memory settings, as the running database reports them. */
    private static Map<String, Object> settings(Driver driver, String heap, List<String> options) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("serviceHeap", heap);
        settings.put("serviceJava", Runtime.version().toString());
        settings.put("serviceJvmOptions", options);
        settings.put("neo4jConf", System.getProperty("bench.neo4jConf", ""));
        var database = new LinkedHashMap<String, String>();
        try (var session = driver.session()) {
            session.run(
                            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
                            Map.of(
                                    "names",
                                    List.of(
                                            "server.memory.pagecache.size",
                                            "db.memory.transaction.total.max",
                                            "db.tx_log.rotation.retention_policy",
                                            "server.memory.heap.max_size")))
                    .forEachRemaining(r -> database.put(
                            r.get("name").asString(), r.get("value").asString()));
        } catch (Exception e) {
            database.put("error", String.valueOf(e.getMessage()));
        }
        settings.put("neo4j", database);
        return settings;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
