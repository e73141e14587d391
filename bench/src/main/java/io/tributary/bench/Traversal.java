package io.tributary.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Traversal latency through GraphQL (HTTP) and as raw Cypher over Bolt, on the same graph in the same run. Each
 * service figure is paired with the raw Cypher that gives the same answer ({@link RawWalk}; for column lineage the
 * service's own per-level statements in one transaction), measured just before it, and their p95 ratio is reported.
 */
final class Traversal {

    /**
     * One figure. {@code vsRaw} is this p95 over the p95 of the raw Cypher that gives the same answer (NaN for the raw
     * rows themselves): the service's overhead, which the design target caps at 1.5.
     */
    record Result(String query, String via, int samples, int nodes, double p50Ms, double p95Ms, double vsRaw) {}

    static final String GRAPHQL = "GraphQL";
    static final String CSV = "HTTP CSV";
    /** Marquez's depth counts job-to-job steps, two hops each: its depth 5 is GraphQL's depth 10. */
    static final String MARQUEZ = "Marquez REST /lineage depth/2";

    static final String SAME = "raw, same answer";
    static final String FLOOR = "raw 1 statement, node set only";

    private static final String LINEAGE = "query($ns:String!,$name:String!,$depth:Int!){lineage(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},depth:$depth,maxNodes:1000){nodes{id kind namespace name distance"
            + " description owners jobType integration latestRunId latestRunState} edges{from to} truncated}}";
    private static final String COLUMNS = "query($ns:String!,$name:String!){columnLineage(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},depth:10,maxNodes:1000){nodes{id dataset field distance}"
            + " edges{from to transformation{type subtype}} truncated}}";
    private static final String IMPACT = "query($ns:String!,$name:String!){impact(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},maxNodes:10000){datasets{id distance owners} jobs{id distance owners} owners"
            + " truncated}}";
    /** The CSV export's cap (Limits.MAX_CSV_NODES): the whole downstream. */
    private static final int ALL = 1_000_000;

    private final Service service;
    private final Driver driver;
    private final RawBfs raw;
    private final RawWalk rawWalk;
    private final int samples;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    Traversal(Service service, Driver driver, RawBfs raw, RawWalk rawWalk, int samples) {
        this.service = service;
        this.driver = driver;
        this.raw = raw;
        this.rawWalk = rawWalk;
        this.samples = samples;
    }

    /**
     * The dataset whose downstream (within impact's 50 hops) is closest above {@code target} datasets and jobs: the
     * highest layer whose first dataset still reaches that many (descendants shrink layer by layer), else layer 0.
     */
    static String impactStart(Driver driver, int target) {
        int low = 0;
        int high = GraphGen.LAYERS - 1;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (descendants(driver, GraphGen.dataset(mid, 0)) >= target) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return GraphGen.dataset(low, 0);
    }

    static int descendants(Driver driver, String name) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(
                            GraphGen.resource("/raw/downstream-count.cypher"),
                            Map.of("namespace", GraphGen.DATASET_NS, "name", name))
                    .single()
                    .get("descendants")
                    .asInt());
        }
    }

    /**
     * Rounds of lineage and column-lineage calls, each way, before anything is measured: each measure() warms its own
     * query up 3 times only, so without these the first query measured (depth 5) paid the JIT warm-up of the service
     * and of its database alone and came out slower than depth 10.
     */
    private static final int WARM_UP_ROUNDS = 20;

    List<Result> run(String lineageStart, String impactStart) throws Exception {
        String ns = GraphGen.DATASET_NS;
        var results = new ArrayList<Result>();
        var warmUpVars = Map.<String, Object>of("ns", ns, "name", lineageStart, "depth", 10);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            rawWalk.lineage(ns, lineageStart, 10, 1000);
            graphql(LINEAGE, warmUpVars);
            raw.columns(ns, lineageStart, 10, 1000);
            graphql(COLUMNS, Map.of("ns", ns, "name", lineageStart));
        }
        for (int depth : List.of(5, 10, 20)) {
            var vars = Map.<String, Object>of("ns", ns, "name", lineageStart, "depth", depth);
            String query = "lineage depth " + depth;
            Result same =
                    measure(query, SAME, samples, Double.NaN, () -> rawWalk.lineage(ns, lineageStart, depth, 1000));
            results.add(measure(
                    query,
                    GRAPHQL,
                    samples,
                    same.p95Ms(),
                    () -> count(graphql(LINEAGE, vars).path("lineage").path("nodes"))));
            results.add(same);
            if (depth % 2 == 0) {
                results.add(
                        measure(query, MARQUEZ, samples, same.p95Ms(), () -> marquezLineage(lineageStart, depth / 2)));
            }
        }
        results.add(measure("lineage depth 10", FLOOR, samples, Double.NaN, () -> {
            try (var session = driver.session()) {
                return session.executeRead(tx -> tx.run(
                                GraphGen.resource("/raw/lineage-both.cypher"),
                                Map.of("namespace", ns, "name", lineageStart, "maxNodes", 1000))
                        .list()
                        .size());
            }
        }));
        var columnVars = Map.<String, Object>of("ns", ns, "name", lineageStart);
        Result columnsRaw = measure(
                "columnLineage depth 10", SAME, samples, Double.NaN, () -> raw.columns(ns, lineageStart, 10, 1000));
        results.add(measure(
                "columnLineage depth 10",
                GRAPHQL,
                samples,
                columnsRaw.p95Ms(),
                () -> count(graphql(COLUMNS, columnVars).path("columnLineage").path("nodes"))));
        results.add(columnsRaw);
        int few = Math.max(3, samples / 5);
        var impactVars = Map.<String, Object>of("ns", ns, "name", impactStart);
        Result impactRaw =
                measure("impact maxNodes 10000", SAME, few, Double.NaN, () -> rawWalk.impact(ns, impactStart, 10_000));
        results.add(measure("impact maxNodes 10000", GRAPHQL, few, impactRaw.p95Ms(), () -> {
            JsonNode impact = graphql(IMPACT, impactVars).path("impact");
            return count(impact.path("datasets")) + count(impact.path("jobs"));
        }));
        results.add(impactRaw);
        Result allRaw =
                measure("impact full (uncapped)", SAME, few, Double.NaN, () -> rawWalk.impact(ns, impactStart, ALL));
        results.add(measure("impact full (uncapped)", CSV, few, allRaw.p95Ms(), () -> csvRows(impactStart)));
        results.add(allRaw);
        results.add(measure(
                "impact full (uncapped)",
                "raw 1 statement, count only",
                few,
                Double.NaN,
                () -> descendants(driver, impactStart)));
        return results;
    }

    /** Marquez's {@code GET /api/v1/lineage} (the compatibility API); returns its graph's nodes. */
    private int marquezLineage(String name, int depth) throws Exception {
        String nodeId = URLEncoder.encode("dataset:" + GraphGen.DATASET_NS + ":" + name, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(service.uri("/api/v1/lineage?nodeId=" + nodeId + "&depth=" + depth))
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Marquez lineage failed: " + response.statusCode() + " " + response.body());
        }
        return count(json.readTree(response.body()).path("graph"));
    }

    /** GET /api/v1/impact.csv for the whole downstream; returns its data rows (datasets and jobs). */
    private int csvRows(String name) throws Exception {
        String query = "?kind=DATASET&namespace=" + GraphGen.DATASET_NS + "&name=" + name + "&maxNodes=" + ALL;
        var request = HttpRequest.newBuilder(service.uri("/api/v1/impact.csv" + query))
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("impact.csv failed: " + response.statusCode() + " " + response.body());
        }
        return (int) response.body().lines().count() - 1;
    }

    private static Result measure(String query, String via, int samples, double rawP95, Callable<Integer> call)
            throws Exception {
        int nodes = 0;
        for (int i = 0; i < 3; i++) {
            nodes = call.call(); // warm-up: JIT, page cache, query plan cache
        }
        var millis = new ArrayList<Double>();
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            nodes = call.call();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        double p95 = percentile(millis, 95);
        var r = new Result(query, via, samples, nodes, percentile(millis, 50), p95, p95 / rawP95);
        System.out.printf(
                "  %-24s %-30s nodes %7d  p50 %8.1f ms  p95 %8.1f ms%s%n",
                query,
                via,
                nodes,
                r.p50Ms(),
                r.p95Ms(),
                Double.isNaN(r.vsRaw()) ? "" : String.format("  %.2fx raw", r.vsRaw()));
        return r;
    }

    private static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private static int count(JsonNode array) {
        return array.size();
    }

    private JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return GraphQlCall.data(http, json, service.uri("/graphql"), query, variables);
    }
}
