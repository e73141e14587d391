package io.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code -Dbench.mode=index}: the lineage index (issue #14) on a kept store ({@code bench.store}, generated on first
 * use as {@link TraversalOnly} does). Starts the service with the index enabled, reports its load time and size (from
 * the service's log line), then times {@code lineage} (depth 10, both ways, maxNodes 1000) and {@code impact} (maxNodes
 * 10,000) through GraphQL from {@code bench.starts} random datasets (default 200), each start measured once, with the
 * raw Cypher oracle ({@link RawWalk}: the service's own walk statements over Bolt, same answer) measured on the same
 * start right before. The warm-up uses other random starts than the measured ones. {@code columnLineage} (depth 10,
 * maxNodes 1000) is timed from the same starts, through GraphQL on the index and raw (the Cypher walk's statements).
 * Full impact (CSV, whole downstream of the ~100k start) is timed a few times too.
 */
final class IndexBench {

    private static final Pattern LOADED = Pattern.compile(
            "Lineage index loaded: ([0-9]+) nodes, ([0-9]+) edges, ([0-9]+) fields, ([0-9]+) derivations,"
                    + " ([0-9]+) runs, ~([0-9]+) MB, in ([0-9]+) ms");
    private static final String LINEAGE = "query($ns:String!,$name:String!){lineage(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},depth:10,maxNodes:1000){nodes{id kind namespace name distance"
            + " description owners jobType integration latestRunId latestRunState} edges{from to} truncated}}";
    private static final String COLUMNS = "query($ns:String!,$name:String!){columnLineage(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},depth:10,maxNodes:1000){nodes{id dataset field distance}"
            + " edges{from to transformation{type subtype}} truncated}}";
    private static final String IMPACT = "query($ns:String!,$name:String!){impact(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},maxNodes:10000){datasets{id distance owners} jobs{id distance owners} owners"
            + " truncated}}";

    private final Service service;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private IndexBench(Service service) {
        this.service = service;
    }

    static void run() throws Exception {
        Path store = Path.of(System.getProperty("bench.store"));
        Path jar = Path.of(System.getProperty("bench.jar", "backend/target/tributary.jar"));
        int nodes = Integer.getInteger("bench.nodes", 1_000_000);
        int starts = Integer.getInteger("bench.starts", 200);
        String heap = System.getProperty("bench.heap", "1g");
        Path root = Path.of("").toAbsolutePath();
        boolean fresh = !Files.isDirectory(store);
        Files.createDirectories(store);
        Path log = Files.createDirectories(root.resolve("bench/target")).resolve("index-bench.log");
        Files.deleteIfExists(log);
        var options = new ArrayList<>(List.of("-Dtributary.log.mode=none", "-Dtributary.lineage.index.enabled=true"));
        // -Dbench.serviceOptions="...": more JVM options for the service (A/B of heap and GC settings).
        String more = System.getProperty("bench.serviceOptions", "").trim();
        if (!more.isEmpty()) {
            options.addAll(List.of(more.split("\\s+")));
            System.out.println("service options: " + options);
        }
        if (fresh) {
            // Generated over Bolt, past the service's writers: the index loads from the store at the next start.
            try (var service = new Service(jar, store, heap, options, log);
                    var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none())) {
                long t = System.nanoTime();
                long generated = new GraphGen(driver, nodes).generate();
                System.out.printf("generated %,d nodes in %.0f s%n", generated, (System.nanoTime() - t) / 1e9);
            }
            Files.deleteIfExists(log);
        }
        try (var service = new Service(jar, store, heap, options, log);
                var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none())) {
            var gen = new GraphGen(driver, nodes);
            System.out.printf("index: %s  (load %s)%n", awaitLoaded(log), Footprint.loadAverage());
            var bench = new IndexBench(service);
            bench.measure(driver, root, gen.width, starts);
            var footprint = Footprint.of(service);
            System.out.printf(
                    "footprint with the index: heap %.0f MiB after full GC of %.0f MiB; RSS %.0f MiB%n",
                    footprint.heapAfterGcMiB(), footprint.heapMaxMiB(), footprint.rssMiB());
        }
    }

    private static String awaitLoaded(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = LOADED.matcher(Files.readString(log));
                String last = null;
                while (m.find()) {
                    last = String.format(
                            "%,d nodes, %,d edges, %,d fields, %,d derivations, %,d runs, ~%s MB estimated,"
                                    + " loaded in %,d ms",
                            Long.parseLong(m.group(1)),
                            Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4)),
                            Long.parseLong(m.group(5)),
                            m.group(6),
                            Long.parseLong(m.group(7)));
                }
                if (last != null) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the lineage index did not load within 10 minutes; see " + log);
    }

    private void measure(Driver driver, Path root, int width, int starts) throws Exception {
        var rawWalk = new RawWalk(driver, root);
        var rawBfs = new RawBfs(driver, root);
        var random = new Random(14);
        String ns = GraphGen.DATASET_NS;
        var warmUp = new ArrayList<String>();
        var measured = new ArrayList<String>();
        while (warmUp.size() < 20) {
            warmUp.add(GraphGen.dataset(random.nextInt(GraphGen.LAYERS), random.nextInt(width)));
        }
        while (measured.size() < starts) {
            String start = GraphGen.dataset(random.nextInt(GraphGen.LAYERS), random.nextInt(width));
            if (!warmUp.contains(start) && !measured.contains(start)) {
                measured.add(start);
            }
        }
        for (String start : warmUp) {
            rawWalk.lineage(ns, start, 10, 1000);
            graphql(LINEAGE, Map.of("ns", ns, "name", start));
            rawWalk.impact(ns, start, 10_000);
            graphql(IMPACT, Map.of("ns", ns, "name", start));
            rawBfs.columns(ns, start, 10, 1000);
            graphql(COLUMNS, Map.of("ns", ns, "name", start));
        }
        var lineageIndex = new ArrayList<Double>();
        var lineageRaw = new ArrayList<Double>();
        var impactIndex = new ArrayList<Double>();
        var impactRaw = new ArrayList<Double>();
        var columnsGraphQl = new ArrayList<Double>();
        var columnsRaw = new ArrayList<Double>();
        long columnNodes = 0;
        long lineageNodes = 0;
        long impactNodes = 0;
        for (String start : measured) {
            var vars = Map.<String, Object>of("ns", ns, "name", start);
            lineageRaw.add(time(() -> rawWalk.lineage(ns, start, 10, 1000)));
            lineageIndex.add(time(
                    () -> graphql(LINEAGE, vars).path("lineage").path("nodes").size()));
            lineageNodes += graphql(LINEAGE, vars).path("lineage").path("nodes").size();
            impactRaw.add(time(() -> rawWalk.impact(ns, start, 10_000)));
            impactIndex.add(time(() -> {
                JsonNode impact = graphql(IMPACT, vars).path("impact");
                return impact.path("datasets").size() + impact.path("jobs").size();
            }));
            JsonNode impact = graphql(IMPACT, vars).path("impact");
            impactNodes += impact.path("datasets").size() + impact.path("jobs").size();
            columnsRaw.add(time(() -> rawBfs.columns(ns, start, 10, 1000)));
            columnsGraphQl.add(time(() ->
                    graphql(COLUMNS, vars).path("columnLineage").path("nodes").size()));
            columnNodes +=
                    graphql(COLUMNS, vars).path("columnLineage").path("nodes").size();
        }
        System.out.printf("%d random starts, each measured once; load %s%n", starts, Footprint.loadAverage());
        printWalkCounts();
        print("lineage depth 10 (maxNodes 1000)", "GraphQL on the index", lineageIndex, lineageNodes / starts);
        print("lineage depth 10 (maxNodes 1000)", "raw Cypher oracle", lineageRaw, lineageNodes / starts);
        print("impact (maxNodes 10000)", "GraphQL on the index", impactIndex, impactNodes / starts);
        print("impact (maxNodes 10000)", "raw Cypher oracle", impactRaw, impactNodes / starts);
        print("columnLineage depth 10 (maxNodes 1000)", "GraphQL on the index", columnsGraphQl, columnNodes / starts);
        print("columnLineage depth 10 (maxNodes 1000)", "raw Cypher oracle", columnsRaw, columnNodes / starts);
        String full = Traversal.impactStart(driver, 100_000);
        int descendants = Traversal.descendants(driver, full);
        var csv = new ArrayList<Double>();
        var csvRaw = new ArrayList<Double>();
        for (int i = 0; i < 5; i++) {
            csvRaw.add(time(() -> rawWalk.impact(ns, full, 1_000_000)));
            csv.add(time(() -> csvRows(full)));
        }
        print("impact full from " + full, "HTTP CSV on the index", csv, descendants);
        print("impact full from " + full, "raw Cypher oracle", csvRaw, descendants);
    }

    private static double time(Callable<Integer> call) throws Exception {
        long t = System.nanoTime();
        call.call();
        return (System.nanoTime() - t) / 1e6;
    }

    private static void print(String query, String via, List<Double> millis, long nodes) {
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(
                "  %-40s %-24s n %4d  nodes ~%6d  p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms%n",
                query,
                via,
                sorted.size(),
                nodes,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99));
    }

    private static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private int csvRows(String name) throws Exception {
        String query = "?kind=DATASET&namespace=" + GraphGen.DATASET_NS + "&name=" + name + "&maxNodes=1000000";
        var request = HttpRequest.newBuilder(service.uri("/api/v1/impact.csv" + query))
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("impact.csv failed: " + response.statusCode());
        }
        return (int) response.body().lines().count() - 1;
    }

    /** The service's own count of walks the index answered and those Cypher answered (a figure needs the first). */
    private void printWalkCounts() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(service.uri("/actuator/prometheus"))
                .header("Authorization", "Bearer " + Service.API_KEY)
                .build();
        String body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        body.lines()
                .filter(l -> l.startsWith("tributary_lineage_index_walks_total"))
                .forEach(l -> System.out.println("  " + l));
    }

    private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return GraphQlCall.data(http, json, service.uri("/graphql"), query, variables);
    }
}
