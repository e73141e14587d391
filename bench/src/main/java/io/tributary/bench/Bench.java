package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The benchmark: starts {@code backend/target/tributary.jar} (embedded Neo4j, 1 GiB heap, JFR on), measures ingest over
 * HTTP against the raw Bolt ceiling, generates the lineage graph, measures traversals through GraphQL and raw Cypher,
 * then memory and start-up time with the graph loaded. Prints a table, writes {@code bench/results/bench-<nodes>.json},
 * {@code .csv} and {@code .png}. Run from the repository root (the Maven profile does).
 *
 * <p>System properties: {@code bench.nodes} (graph size, default 1,000,000), {@code bench.ingestSeconds} (per
 * concurrency level, default 10), {@code bench.samples} (per traversal query, default 30), {@code bench.heap} (service
 * -Xmx, default 1g), {@code bench.jar} (the service's jar, default {@code backend/target/tributary.jar}, e.g. another
 * branch's for an A/B), {@code bench.ingestOnly} ({@code true}: the ingest levels and the raw ceiling only, no graph,
 * traversal or footprint; nothing written to {@code bench/results}), {@code bench.mode} ({@code log}: the event log
 * candidates instead, see {@link LogBench}; {@code ingest}: the named ingest workloads, counted when projected, see
 * {@link IngestBench}; {@code versions}: what the version bookkeeping costs the projection, see {@link VersionCost};
 * {@code index}: the lineage index against its Cypher oracle on a kept store, see {@link IndexBench}; {@code parse}:
 * the projector's parse against the intake's, see {@link ParseCost}; {@code rebuild}: a rebuild of the graph from an
 * estate event log, see {@link RebuildBench}).
 */
public final class Bench {

    /**
     * Events per ceiling transaction: large enough to amortise the commit, small enough for the embedded database's
     * 512 MiB transaction memory (1,000 of these events need more).
     */
    private static final int CEILING_BATCH = 200;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if ("log".equals(System.getProperty("bench.mode"))) {
            LogBench.run();
            return;
        }
        if ("parse".equals(System.getProperty("bench.mode"))) {
            ParseCost.run();
            return;
        }
        if ("index".equals(System.getProperty("bench.mode"))) {
            IndexBench.run();
            return;
        }
        if ("ingest".equals(System.getProperty("bench.mode"))) {
            IngestBench.run();
            return;
        }
        if ("versions".equals(System.getProperty("bench.mode"))) {
            VersionCost.run();
            return;
        }
        if ("rebuild".equals(System.getProperty("bench.mode"))) {
            RebuildBench.run();
            return;
        }
        int nodes = Integer.getInteger("bench.nodes", 1_000_000);
        var ingestLength = Duration.ofSeconds(Integer.getInteger("bench.ingestSeconds", 10));
        int samples = Integer.getInteger("bench.samples", 30);
        String heap = System.getProperty("bench.heap", "1g");
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve(System.getProperty("bench.jar", "backend/target/tributary.jar"));
        boolean ingestOnly = Boolean.getBoolean("bench.ingestOnly");
        if (!Files.exists(jar) || !Files.isDirectory(root.resolve("cypher/ingest"))) {
            throw new IllegalStateException("run from the repository root after building backend/target/tributary.jar");
        }
        Path work = Files.createDirectories(root.resolve("bench/target"));
        Path data = Files.createTempDirectory(work, "data-");
        Path jfr = work.resolve("service.jfr");
        Path log = work.resolve("service.log");
        Files.deleteIfExists(log);
        Path results = Files.createDirectories(root.resolve("bench/results"));
        var report = new LinkedHashMap<String, Object>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put(
                "settings",
                Map.of(
                        "nodes",
                        nodes,
                        "ingestSeconds",
                        ingestLength.toSeconds(),
                        "samples",
                        samples,
                        "serviceHeap",
                        heap));
        System.out.printf("Tributary benchmark: %,d nodes, %s heap, %s%n", nodes, heap, Machine.describe());

        var ingestResults = new ArrayList<Ingest.Result>();
        var loads = new LinkedHashMap<String, String>();
        Ceiling.Result ceiling;
        List<Traversal.Result> traversal;
        Footprint.Result footprint;
        long freshReady;
        long firstEvent;
        double generateSeconds;
        long generated;
        String impactStart;
        int impactDescendants;
        try (var service = new Service(jar, data, heap, jfr, log)) {
            freshReady = service.readyMillis();
            System.out.printf("service ready in %d ms (fresh store, migrations)%n", freshReady);
            var workload = new Workload("bench", 400, 1_000, 42);
            var ingest = new Ingest(service, workload);
            loads.put("first event", Footprint.loadAverage());
            firstEvent = ingest.firstEventAfterReady();
            System.out.printf(
                    "first event after ready: %d ms from readiness UP to its 201  (load %s)%n",
                    firstEvent, loads.get("first event"));
            ingest.closedLoop(4, Duration.ofSeconds(3)); // warm-up: JIT, plan cache, first MERGEs
            for (int clients : List.of(1, 4, 16, 64)) {
                loads.put("ingest " + clients, Footprint.loadAverage());
                var r = ingest.closedLoop(clients, ingestLength);
                ingestResults.add(r);
                System.out.printf(
                        "  ingest %2d clients: %,8.0f events/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  %.1f events/tx"
                                + "  commit %.1f ms  CPU %.1f ms/event  (load %s)%n",
                        clients,
                        r.perSecond(),
                        r.p50Ms(),
                        r.p99Ms(),
                        r.errors(),
                        r.eventsPerCommit(),
                        r.commitMs(),
                        r.cpuMsPerEvent(),
                        loads.get("ingest " + clients));
            }
            double half = ingestResults.get(2).perSecond() / 2;
            loads.put("ingest paced", Footprint.loadAverage());
            var paced = ingest.paced(16, ingestLength, half);
            ingestResults.add(paced);
            System.out.printf(
                    "  ingest paced at %,.0f events/s (half the 16-client rate): %,.0f events/s  p50 %.1f ms  p99 %.1f"
                            + " ms  %.1f events/tx  commit %.1f ms  CPU %.1f ms/event  (load %s)%n",
                    half,
                    paced.perSecond(),
                    paced.p50Ms(),
                    paced.p99Ms(),
                    paced.eventsPerCommit(),
                    paced.commitMs(),
                    paced.cpuMsPerEvent(),
                    loads.get("ingest paced"));
            try (var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none())) {
                loads.put("ceiling", Footprint.loadAverage());
                ceiling = new Ceiling(driver, new Workload("ceiling", 400, 1_000, 42)).run(CEILING_BATCH, ingestLength);
                System.out.printf(
                        "  raw ceiling (%d events/tx over Bolt): %,.0f events/s  (load %s)%n",
                        CEILING_BATCH, ceiling.perSecond(), loads.get("ceiling"));
                if (ingestOnly) {
                    printHot(jfr, service);
                    return;
                }

                loads.put("generate", Footprint.loadAverage());
                var gen = new GraphGen(driver, nodes);
                long t = System.nanoTime();
                generated = gen.generate();
                generateSeconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(
                        "  generated %,d nodes (width %d x %d layers) in %.0f s%n",
                        generated, gen.width, GraphGen.LAYERS, generateSeconds);
                // Start the impact walk where about 100k datasets and jobs lie downstream, counted, not estimated.
                impactStart = Traversal.impactStart(driver, 100_000);
                impactDescendants = Traversal.descendants(driver, impactStart);
                System.out.printf(
                        "  impact start %s: %,d datasets and jobs downstream%n", impactStart, impactDescendants);
                String lineageStart = GraphGen.dataset(GraphGen.LAYERS / 2, gen.width / 3);
                loads.put("traversal", Footprint.loadAverage());
                traversal = new Traversal(service, driver, new RawBfs(driver, root), new RawWalk(driver, root), samples)
                        .run(lineageStart, impactStart);
            }
            footprint = Footprint.of(service);
            System.out.printf(
                    "  footprint: RSS %.0f MiB, heap used %.0f MiB (%.0f MiB after full GC) of %.0f MiB%n",
                    footprint.rssMiB(), footprint.heapUsedMiB(), footprint.heapAfterGcMiB(), footprint.heapMaxMiB());
        }
        long restartReady;
        double idleRss;
        try (var service = new Service(jar, data, heap, (Path) null, log)) {
            restartReady = service.readyMillis();
            idleRss = Footprint.rss(service.pid());
            System.out.printf(
                    "service ready in %d ms with the %,d-node graph; idle RSS %.0f MiB%n",
                    restartReady, generated, idleRss);
        }
        var writerHot = Profile.hotMethods(jfr, 15, "tributary-writer");
        var allHot = Profile.hotMethods(jfr, 20, null);
        System.out.println("JFR, ingest writer thread, top frames:");
        writerHot.forEach(h -> System.out.printf("  %5.1f%%  %s%n", h.percent(), h.method()));
        System.out.println("JFR, all threads, top frames:");
        allHot.forEach(h -> System.out.printf("  %5.1f%%  %s%n", h.percent(), h.method()));

        report.put("loadAverage", loads);
        report.put("ingest", ingestResults);
        report.put("ceiling", ceiling);
        report.put("ingestToCeiling", ingestResults.get(2).perSecond() / ceiling.perSecond());
        report.put(
                "graph",
                Map.of(
                        "nodes",
                        generated,
                        "seconds",
                        generateSeconds,
                        "impactStart",
                        impactStart,
                        "impactDescendants",
                        impactDescendants));
        report.put("traversal", traversal);
        report.put("footprint", footprint);
        report.put("readyMillis", Map.of("fresh", freshReady, "withGraph", restartReady));
        report.put("firstEventAfterReadyMillis", firstEvent);
        report.put("idleRssMiB", idleRss);
        report.put("jfrWriterThread", writerHot);
        report.put("jfrAllThreads", allHot);
        report.put("finishedAt", Instant.now().toString());
        String name = "bench-" + nodes;
        new ObjectMapper()
                .writer(SerializationFeature.INDENT_OUTPUT)
                .writeValue(results.resolve(name + ".json").toFile(), report);
        Table.writeCsv(results.resolve(name + ".csv"), ingestResults, ceiling, traversal, loads);
        Plot.write(results.resolve(name + ".png"), ingestResults, ceiling.perSecond(), traversal);
        Table.print(ingestResults, ceiling, traversal, footprint, freshReady, restartReady, firstEvent, loads);
        System.out.println("results: " + results.resolve(name + ".{json,csv,png}") + "; JFR: " + jfr);
    }

    /** The ingest-only run's profile: the service is stopped first so that its JFR recording is dumped. */
    private static void printHot(Path jfr, Service service) throws Exception {
        service.close();
        System.out.println("JFR, ingest writer thread, top frames:");
        Profile.hotMethods(jfr, 15, "tributary-writer")
                .forEach(h -> System.out.printf("  %5.1f%%  %s%n", h.percent(), h.method()));
        System.out.println("JFR, all threads, top frames:");
        Profile.hotMethods(jfr, 20, null).forEach(h -> System.out.printf("  %5.1f%%  %s%n", h.percent(), h.method()));
    }
}
