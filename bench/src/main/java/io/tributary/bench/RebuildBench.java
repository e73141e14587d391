package io.tributary.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.digest.Sha256;
import io.tributary.log.EventRecord;
import io.tributary.log.EventSource;
import io.tributary.log.FileEventLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The rebuild benchmark ({@code -Dbench.mode=rebuild}): a file event log of {@code bench.events} events of the
 * {@code estate} workload ({@link NamedWorkload}) is written straight into a fresh data directory (as ingest would have
 * appended them), the service starts on it and projects it (timed: the first projection), then {@code POST
 * /api/v1/admin/rebuild} rebuilds the graph from the log (timed by the rebuild's own state: clearing, replay,
 * restoring). Prints one line per figure and writes {@code bench/results/rebuild.json}.
 *
 * <p>System properties: {@code bench.events} (default 100,000), {@code bench.seed} (default 42), {@code bench.heap}
 * (service -Xmx, default 1g), {@code bench.props} (service properties, comma-separated {@code name=value}, e.g.
 * {@code tributary.projection.rebuild-window-events=10000}), {@code bench.profile} ({@code true}: a JFR recording with
 * native method samples in {@code bench/results/rebuild.jfr}), {@code bench.jar}.
 */
final class RebuildBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int APPEND_GROUP = 1_000;
    private static final Duration WAIT = Duration.ofHours(2);

    private RebuildBench() {}

    static void run() throws Exception {
        long target = Long.getLong("bench.events", 100_000);
        long seed = Long.getLong("bench.seed", 42);
        String heap = System.getProperty("bench.heap", "1g");
        List<String> props = List.of(System.getProperty("bench.props", "").split(",")).stream()
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve(System.getProperty("bench.jar", "backend/target/tributary.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run from the repository root after building backend/target/tributary.jar");
        }
        Path work = Files.createDirectories(root.resolve("bench/target"));
        Path results = Files.createDirectories(root.resolve("bench/results"));
        Path data = Files.createTempDirectory(work, "rebuild-");
        System.out.printf(
                "Rebuild benchmark: %,d estate events, seed %d, service -Xmx%s %s; %s%n",
                target, seed, heap, props, Machine.describe());

        var report = new LinkedHashMap<String, Object>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put("settings", Map.of("events", target, "seed", seed, "heap", heap, "props", props));

        long written = writeLog(data.resolve("event-log"), NamedWorkload.named("estate", seed), target, report);

        var options = new ArrayList<String>();
        props.forEach(p -> options.add("-D" + p));
        if (Boolean.getBoolean("bench.profile")) {
            options.add("-XX:StartFlightRecording=filename=" + results.resolve("rebuild.jfr")
                    + ",settings=profile,dumponexit=true,jdk.NativeMethodSample#enabled=true");
        }
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (var service = new Service(jar, data, heap, options, work.resolve("rebuild-service.log"))) {
            String loadBefore = Footprint.loadAverage();
            long started = System.nanoTime();
            awaitProjected(service, http);
            double firstSeconds = (System.nanoTime() - started) / 1e9;
            report.put(
                    "firstProjection",
                    Map.of(
                            "seconds",
                            firstSeconds,
                            "eventsPerSecond",
                            written / firstSeconds,
                            "loadStart",
                            loadBefore,
                            "loadEnd",
                            Footprint.loadAverage()));
            System.out.printf(
                    "first projection: %,d events in %.1f s = %,.0f events/s (load %s -> %s)%n",
                    written, firstSeconds, written / firstSeconds, loadBefore, Footprint.loadAverage());
            report.put("store", store(service));

            var statementsBefore = StatementTimes.read(http, service);
            String loadStart = Footprint.loadAverage();
            long rebuildStarted = System.nanoTime();
            send(http, service, "POST");
            JsonNode state;
            var loads = new ArrayList<String>();
            long nextLoad = System.nanoTime();
            do {
                Thread.sleep(500);
                state = JSON.readTree(send(http, service, "GET"));
                if (System.nanoTime() - nextLoad >= 0) {
                    loads.add(Footprint.loadAverage());
                    nextLoad = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                }
            } while (!state.path("phase").asString().equals("DONE"));
            double totalSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
            long replayed = state.path("replayed").asLong();
            double replaySeconds = state.path("replayMs").asLong() / 1e3;
            double clearSeconds = state.path("clearMs").asLong() / 1e3;
            var rebuild = new LinkedHashMap<String, Object>();
            rebuild.put("replayed", replayed);
            rebuild.put("cleared", state.path("cleared").asLong());
            rebuild.put("clearSeconds", clearSeconds);
            rebuild.put("replaySeconds", replaySeconds);
            rebuild.put("restoreSeconds", state.path("restoreMs").asLong() / 1e3);
            rebuild.put("totalSeconds", totalSeconds);
            rebuild.put("replayEventsPerSecond", replayed / replaySeconds);
            rebuild.put("totalEventsPerSecond", replayed / totalSeconds);
            rebuild.put("loadStart", loadStart);
            rebuild.put("loadsEvery30s", loads);
            rebuild.put("loadEnd", Footprint.loadAverage());
            report.put("rebuild", rebuild);
            var statements = StatementTimes.read(http, service).statementSecondsSince(statementsBefore, 0.05);
            report.put("rebuildStatementSeconds", statements);
            System.out.println("rebuild time by write statement (s): " + statements);
            report.put("storeAfter", store(service));
            System.out.printf(
                    "rebuild: %,d events replayed; clearing %,d nodes %.1f s, replay %.1f s = %,.0f events/s,"
                            + " whole rebuild %.1f s = %,.0f events/s (load %s -> %s)%n",
                    replayed,
                    state.path("cleared").asLong(),
                    clearSeconds,
                    replaySeconds,
                    replayed / replaySeconds,
                    totalSeconds,
                    replayed / totalSeconds,
                    loadStart,
                    Footprint.loadAverage());
        }
        Path out = results.resolve("rebuild.json");
        JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println("wrote " + out);
    }

    /** Appends whole runs until {@code target} events, as ingest would (content hash, archive lookup values). */
    private static long writeLog(Path dir, NamedWorkload workload, long target, Map<String, Object> report) {
        long started = System.nanoTime();
        long events = 0;
        long bytes = 0;
        Instant received = Instant.now();
        try (var log = FileEventLog.open(dir, FileEventLog.Settings.DEFAULTS, new SimpleMeterRegistry())) {
            var group = new ArrayList<EventRecord>(APPEND_GROUP);
            for (long n = 0; events < target; n++) {
                for (String json : workload.run(n).events()) {
                    group.add(record(json, received));
                    bytes += json.length();
                    events++;
                }
                if (group.size() >= APPEND_GROUP) {
                    log.append(List.copyOf(group)).join();
                    group.clear();
                }
            }
            if (!group.isEmpty()) {
                log.append(group).join();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "log written: %,d events (%.1f KiB each on average) in %.1f s%n",
                events, bytes / 1024.0 / events, seconds);
        report.put("log", Map.of("events", events, "meanEventBytes", (double) bytes / events, "seconds", seconds));
        return events;
    }

    private static EventRecord record(String json, Instant received) {
        JsonNode event = JSON.readTree(json);
        var summary = new EventRecord.Summary(
                "RUN",
                event.path("eventType").asString(),
                OffsetDateTime.parse(event.path("eventTime").asString()),
                event.path("run").path("runId").asString(),
                event.path("job").path("namespace").asString(),
                event.path("job").path("name").asString(),
                event.path("producer").asString(null));
        return EventRecord.of(Sha256.hex(json), json, EventSource.HTTP, received, summary);
    }

    private static void awaitProjected(Service service, HttpClient http) throws Exception {
        var request = HttpRequest.newBuilder(service.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Tributary-Consistency", "eventual")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ projection { projectedPosition committedPosition } }\"}"))
                .build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode projection = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("data")
                    .path("projection");
            if (projection.path("projectedPosition").asLong()
                    >= projection.path("committedPosition").asLong()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the log was not projected within " + WAIT);
    }

    private static String send(HttpClient http, Service service, String method) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(service.uri("/api/v1/admin/rebuild"))
                        .header("Authorization", "Bearer " + Service.API_KEY)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " rebuild answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Nodes by kind and relationships, read over Bolt. */
    private static Map<String, Long> store(Service service) throws Exception {
        var counts = new LinkedHashMap<String, Long>();
        try (var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none());
                var session = driver.session()) {
            for (String label : List.of("Event", "Run", "Dataset", "Job", "DatasetVersion", "Field")) {
                counts.put(
                        label,
                        session.run("MATCH (n:" + label + ") RETURN count(n) AS n")
                                .single()
                                .get("n")
                                .asLong());
            }
            counts.put(
                    "nodes",
                    session.run("MATCH (n) RETURN count(n) AS n")
                            .single()
                            .get("n")
                            .asLong());
            counts.put(
                    "relationships",
                    session.run("MATCH ()-[r]->() RETURN count(r) AS n")
                            .single()
                            .get("n")
                            .asLong());
        }
        return counts;
    }
}
