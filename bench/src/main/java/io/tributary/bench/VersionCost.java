package io.tributary.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import io.tributary.store.GraphStore;
import io.tributary.store.Neo4jProperties;
import io.tributary.write.GraphWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * What the version bookkeeping (issue 13: dataset versions, job versions, current-lineage settling) costs the
 * projection ({@code -Dbench.mode=versions}). For each named workload ({@link NamedWorkload}) the same event sequence
 * is projected by the service's own writer ({@link GraphWriter#project}, one transaction per window, as the projector
 * applies a window) with the bookkeeping and without it ({@link GraphWriter#withoutVersions}), each time on a fresh
 * store ({@link EmbeddedDatabase}: the service's embedded Neo4j and settings, in this JVM, over Bolt, with the
 * service's migrations; seconds to start where the service takes half a minute or more), in alternating pairs (on/off, off/on, ...) so that a drift in the machine's load falls on both.
 * Timed runs give events/s and each statement's time (the store's write meter); one profiled pair at the end runs every
 * statement under {@code PROFILE} and gives each statement's database hits, a count that the load does not change.
 *
 * <p>The sequence: runs of the workload in groups of {@code bench.concurrent} (default 16) whose events interleave as
 * that many clients' would (every START, then every RUNNING, then every COMPLETE), cut into windows of
 * {@code bench.window} events (default 200), {@code bench.events} in all (default 20,000). Not in the time: parsing
 * (done per window before the clock runs), the archive nodes and the log position the projector also writes (the same
 * with and without the bookkeeping). System properties: {@code bench.workload} (default both), {@code bench.pairs}
 * (timed pairs per workload, default 2), {@code bench.profiled} ({@code false}: no profiled pair), {@code bench.seed}.
 * Before the timed runs, the first ten windows are projected with and without the bookkeeping, untimed, so that this
 * JVM's warm-up does not fall on the first of them.
 */
final class VersionCost {

    /** The statements of the version bookkeeping, which {@link GraphWriter#withoutVersions} skips. */
    static final List<String> BOOKKEEPING = List.of(
            "ingest/upsert-dataset-versions",
            "ingest/upsert-run-definitions",
            "ingest/run-versions",
            "ingest/link-job-versions",
            "ingest/settle-current-lineage");

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int QUARTERS = 4;

    /** One statement over one run: total ms and db hits (db hits only in profiled runs). */
    record Statement(double ms, long runs, long dbHits) {}

    /** One projection of the sequence. Quarters: the run cut into four, for how the costs grow with the store. */
    record Result(
            String workload,
            boolean versions,
            boolean profiled,
            long events,
            long windows,
            double writeSeconds,
            double eventsPerSecond,
            Map<String, Statement> statements,
            List<Map<String, Statement>> quarters,
            Map<String, Long> storeAfter,
            String loadStart,
            String loadEnd) {

        double statementMs() {
            return statements.values().stream().mapToDouble(Statement::ms).sum();
        }

        double bookkeepingMs() {
            return BOOKKEEPING.stream()
                    .filter(statements::containsKey)
                    .mapToDouble(s -> statements.get(s).ms())
                    .sum();
        }

        long dbHits() {
            return statements.values().stream().mapToLong(Statement::dbHits).sum();
        }

        long bookkeepingDbHits() {
            return BOOKKEEPING.stream()
                    .filter(statements::containsKey)
                    .mapToLong(s -> statements.get(s).dbHits())
                    .sum();
        }
    }

    private final Path work;
    private final List<List<String>> windows;

    private VersionCost(Path work, List<List<String>> windows) {
        this.work = work;
        this.windows = windows;
    }

    static void run() throws Exception {
        List<String> workloads = Arrays.stream(
                        System.getProperty("bench.workload", "estate,churn").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        int pairs = Integer.getInteger("bench.pairs", 2);
        boolean profiled = !"false".equals(System.getProperty("bench.profiled"));
        int events = Integer.getInteger("bench.events", 20_000);
        int window = Integer.getInteger("bench.window", 200);
        int concurrent = Integer.getInteger("bench.concurrent", 16);
        long seed = Long.getLong("bench.seed", 42);
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(root.resolve("bench/target"));
        Path results = Files.createDirectories(root.resolve("bench/results"));
        System.out.printf(
                "Version bookkeeping cost: workloads %s, %,d events in windows of %d (%d runs interleaved), %d timed"
                        + " pairs%s, seed %d, this JVM's -Xmx %d MiB; %s%n",
                workloads,
                events,
                window,
                concurrent,
                pairs,
                profiled ? " + 1 profiled pair" : "",
                seed,
                Runtime.getRuntime().maxMemory() >> 20,
                Machine.describe());
        for (String name : workloads) {
            var sequence = sequence(NamedWorkload.named(name, seed), events, concurrent);
            var bench = new VersionCost(work, windows(sequence, window));
            var runs = new ArrayList<Result>();
            // Untimed: the first windows with and without the bookkeeping, so that the JIT warm-up of this JVM does
            // not fall on the first timed run.
            var warmUp = new VersionCost(work, bench.windows.subList(0, Math.min(10, bench.windows.size())));
            warmUp.project(name + "-warm-up", true, false);
            warmUp.project(name + "-warm-up", false, false);
            for (int pair = 0; pair < pairs; pair++) {
                boolean first = pair % 2 == 0; // on/off, off/on, ...
                runs.add(bench.project(name, first, false));
                runs.add(bench.project(name, !first, false));
            }
            if (profiled) {
                runs.add(bench.project(name, true, true));
                runs.add(bench.project(name, false, true));
            }
            summarise(name, runs);
            var report = new LinkedHashMap<String, Object>();
            report.put("workload", name);
            report.put("seed", seed);
            report.put("events", sequence.size());
            report.put("window", window);
            report.put("concurrent", concurrent);
            report.put("machine", Machine.describe());
            report.put("runs", runs);
            Path file = results.resolve("versions-" + name + ".json");
            new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
            System.out.println("results: " + file);
        }
    }

    /** The events of runs 0, 1, ... as {@code concurrent} clients would send them, at least {@code events} of them. */
    static List<String> sequence(NamedWorkload workload, int events, int concurrent) {
        var sequence = new ArrayList<String>(events + 64);
        for (long n = 0; sequence.size() < events; n += concurrent) {
            var group = new ArrayList<List<String>>();
            for (long k = n; k < n + concurrent; k++) {
                group.add(workload.run(k).events());
            }
            // Every START, then the RUNNING events (the i-th of each run that has one), then every COMPLETE.
            group.forEach(run -> sequence.add(run.getFirst()));
            int longest = group.stream().mapToInt(List::size).max().orElse(2);
            for (int i = 1; i < longest - 1; i++) {
                for (var run : group) {
                    if (i < run.size() - 1) {
                        sequence.add(run.get(i));
                    }
                }
            }
            group.forEach(run -> sequence.add(run.getLast()));
        }
        return sequence;
    }

    private static List<List<String>> windows(List<String> sequence, int size) {
        var windows = new ArrayList<List<String>>();
        for (int from = 0; from < sequence.size(); from += size) {
            windows.add(sequence.subList(from, Math.min(sequence.size(), from + size)));
        }
        return windows;
    }

    /** Projects the whole sequence on a fresh store, deleted afterwards. */
    private Result project(String workload, boolean versions, boolean profiled) throws Exception {
        String loadStart = Footprint.loadAverage();
        var parser = new EventParser();
        var quarters = new ArrayList<Map<String, Statement>>();
        long writing = 0;
        long events = 0;
        Map<String, Long> store;
        Path home = Files.createTempDirectory(work, "versions-" + workload + "-");
        try (var database = new EmbeddedDatabase(home);
                var driver = GraphDatabase.driver(database.boltUri(), AuthTokens.none())) {
            store(driver, new SimpleMeterRegistry(), false).afterPropertiesSet(); // the service's migrations
            int perQuarter = (windows.size() + QUARTERS - 1) / QUARTERS;
            for (int q = 0; q < QUARTERS; q++) {
                var meters = new SimpleMeterRegistry();
                var graphStore = store(driver, meters, profiled);
                var writer = versions ? new GraphWriter(graphStore) : GraphWriter.withoutVersions(graphStore);
                for (var window : windows.subList(
                        Math.min(windows.size(), q * perQuarter), Math.min(windows.size(), (q + 1) * perQuarter))) {
                    var parsed = new ArrayList<LineageEvent>(window.size());
                    for (String json : window) {
                        parsed.add(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
                    }
                    long start = System.nanoTime();
                    graphStore.writeTransaction(TIMEOUT, writes -> {
                        writer.project(writes, parsed);
                        return null;
                    });
                    writing += System.nanoTime() - start;
                    events += parsed.size();
                }
                quarters.add(statements(meters));
            }
            store = storeSize(driver);
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
        var total = new TreeMap<String, Statement>();
        for (var quarter : quarters) {
            quarter.forEach((name, s) -> total.merge(
                    name, s, (a, b) -> new Statement(a.ms() + b.ms(), a.runs() + b.runs(), a.dbHits() + b.dbHits())));
        }
        double seconds = writing / 1e9;
        var result = new Result(
                workload,
                versions,
                profiled,
                events,
                windows.size(),
                seconds,
                events / seconds,
                total,
                quarters,
                store,
                loadStart,
                Footprint.loadAverage());
        System.out.printf(
                "  %-14s versions %-3s %-9s %,7.0f events/s  statements %,9.0f ms (bookkeeping %5.1f%%)%s  store %s"
                        + "  load %s -> %s%n",
                workload,
                versions ? "on" : "off",
                profiled ? "profiled" : "timed",
                result.eventsPerSecond(),
                result.statementMs(),
                100 * result.bookkeepingMs() / result.statementMs(),
                profiled
                        ? String.format(
                                "  db hits %,d (bookkeeping %.1f%%)",
                                result.dbHits(), 100.0 * result.bookkeepingDbHits() / result.dbHits())
                        : "",
                store,
                loadStart,
                result.loadEnd());
        return result;
    }

    private static GraphStore store(Driver driver, SimpleMeterRegistry meters, boolean profiled) {
        var neo4j = new Neo4jProperties(null, "neo4j", null, "neo4j");
        var limits = new GraphStore.ReadLimits(Duration.ofSeconds(10));
        return profiled
                ? GraphStore.profilingWrites(driver, neo4j, limits, meters)
                : new GraphStore(driver, neo4j, limits, meters);
    }

    private static Map<String, Statement> statements(SimpleMeterRegistry meters) {
        var hits = new TreeMap<String, Long>();
        meters.find(GraphStore.WRITE_DB_HITS)
                .summaries()
                .forEach(s -> hits.put(s.getId().getTag("statement"), (long) s.totalAmount()));
        var statements = new TreeMap<String, Statement>();
        for (Timer t : meters.find(GraphStore.WRITES).timers()) {
            String name = t.getId().getTag("statement");
            statements.put(
                    name, new Statement(t.totalTime(TimeUnit.MILLISECONDS), t.count(), hits.getOrDefault(name, 0L)));
        }
        return statements;
    }

    /** Nodes and relationships, and the version nodes among them. */
    private static Map<String, Long> storeSize(Driver driver) {
        var counts = new LinkedHashMap<String, Long>();
        try (var session = driver.session()) {
            for (var q : Map.of(
                            "nodes", "MATCH (n) RETURN count(n) AS c",
                            "relationships", "MATCH ()-[r]->() RETURN count(r) AS c",
                            "runs", "MATCH (n:Run) RETURN count(n) AS c",
                            "jobVersions", "MATCH (n:JobVersion) RETURN count(n) AS c",
                            "datasetVersions", "MATCH (n:DatasetVersion) RETURN count(n) AS c")
                    .entrySet()
                    .stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                counts.put(
                        q.getKey(), session.run(q.getValue()).single().get("c").asLong());
            }
        }
        return counts;
    }

    /** Means over the timed runs of each side, and the profiled pair's db hits, by statement. */
    private static void summarise(String workload, List<Result> runs) {
        var on = runs.stream().filter(r -> r.versions() && !r.profiled()).toList();
        var off = runs.stream().filter(r -> !r.versions() && !r.profiled()).toList();
        // Without a profiled pair (bench.profiled=false) the timed runs stand in: their db hits are zero.
        var profiledOn = runs.stream()
                .filter(r -> r.versions() && r.profiled())
                .findFirst()
                .orElse(on.getFirst());
        var profiledOff = runs.stream()
                .filter(r -> !r.versions() && r.profiled())
                .findFirst()
                .orElse(off.getFirst());
        double rateOn =
                on.stream().mapToDouble(Result::eventsPerSecond).average().orElse(Double.NaN);
        double rateOff =
                off.stream().mapToDouble(Result::eventsPerSecond).average().orElse(Double.NaN);
        double secondsOn =
                on.stream().mapToDouble(Result::writeSeconds).average().orElse(Double.NaN);
        double secondsOff =
                off.stream().mapToDouble(Result::writeSeconds).average().orElse(Double.NaN);
        double bookkeepingMs =
                on.stream().mapToDouble(Result::bookkeepingMs).average().orElse(Double.NaN);
        double statementMs =
                on.stream().mapToDouble(Result::statementMs).average().orElse(Double.NaN);
        System.out.printf(
                "%s: events/s with bookkeeping %,.0f, without %,.0f; write time %.1f s vs %.1f s (%.1f%% more);"
                        + " bookkeeping statements %.1f%% of statement time; db hits %,d vs %,d: bookkeeping"
                        + " statements %.1f%% of db hits (difference %.1f%%)%n",
                workload,
                rateOn,
                rateOff,
                secondsOn,
                secondsOff,
                100 * (secondsOn - secondsOff) / secondsOff,
                100 * bookkeepingMs / statementMs,
                profiledOn.dbHits(),
                profiledOff.dbHits(),
                100.0 * profiledOn.bookkeepingDbHits() / profiledOn.dbHits(),
                100.0 * (profiledOn.dbHits() - profiledOff.dbHits()) / profiledOn.dbHits());
        System.out.printf(
                "  %-42s %12s %12s %12s %12s | db hits per quarter of the run (with bookkeeping)%n",
                "statement", "ms on", "ms off", "db hits on", "db hits off");
        for (String name : profiledOn.statements().keySet()) {
            double msOn = on.stream()
                    .mapToDouble(r -> r.statements()
                            .getOrDefault(name, new Statement(0, 0, 0))
                            .ms())
                    .average()
                    .orElse(0);
            double msOff = off.stream()
                    .mapToDouble(r -> r.statements()
                            .getOrDefault(name, new Statement(0, 0, 0))
                            .ms())
                    .average()
                    .orElse(0);
            var hitsOff = profiledOff.statements().get(name);
            var perQuarter = new StringBuilder();
            for (var quarter : profiledOn.quarters()) {
                var s = quarter.get(name);
                perQuarter.append(String.format(" %,12d", s == null ? 0 : s.dbHits()));
            }
            System.out.printf(
                    "  %-42s %12.0f %12.0f %,12d %12s |%s%n",
                    name + (BOOKKEEPING.contains(name) ? " *" : ""),
                    msOn,
                    msOff,
                    profiledOn.statements().get(name).dbHits(),
                    hitsOff == null ? "-" : String.format("%,d", hitsOff.dbHits()),
                    perQuarter);
        }
    }
}
