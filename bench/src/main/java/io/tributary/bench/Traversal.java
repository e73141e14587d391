package io.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Traversal latency through GraphQL (HTTP) and as raw Cypher over Bolt, on the same graph in the same run. */
final class Traversal {

    record Result(String query, String via, int samples, int nodes, double p50Ms, double p95Ms) {}

    private static final String LINEAGE = "query($ns:String!,$name:String!,$depth:Int!){lineage(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},depth:$depth,maxNodes:1000){nodes{id kind namespace name distance"
            + " latestRunId latestRunState} edges{from to} truncated}}";
    private static final String COLUMNS = "query($ns:String!,$name:String!){columnLineage(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},depth:10,maxNodes:1000){nodes{id dataset field distance}"
            + " edges{from to transformation{type subtype}} truncated}}";
    private static final String IMPACT = "query($ns:String!,$name:String!){impact(node:{kind:DATASET,"
            + "namespace:$ns,name:$name},maxNodes:10000){datasets{id distance owners} jobs{id distance} owners"
            + " truncated}}";

    private final Service service;
    private final Driver driver;
    private final RawBfs raw;
    private final int samples;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    Traversal(Service service, Driver driver, RawBfs raw, int samples) {
        this.service = service;
        this.driver = driver;
        this.raw = raw;
        this.samples = samples;
    }

    List<Result> run(String lineageStart, String impactStart) throws Exception {
        String ns = GraphGen.DATASET_NS;
        var results = new ArrayList<Result>();
        for (int depth : List.of(5, 10, 20)) {
            var vars = Map.<String, Object>of("ns", ns, "name", lineageStart, "depth", depth);
            results.add(measure(
                    "lineage depth " + depth,
                    "GraphQL",
                    samples,
                    () -> count(graphql(LINEAGE, vars).path("lineage").path("nodes"))));
            results.add(measure(
                    "lineage depth " + depth,
                    "raw BFS, 1 tx",
                    samples,
                    () -> raw.lineage(ns, lineageStart, depth, 1000, true, true)));
        }
        results.add(measure("lineage depth 10", "raw 1 statement", samples, () -> {
            try (var session = driver.session()) {
                return session.executeRead(tx -> tx.run(
                                GraphGen.resource("/raw/lineage-both.cypher"),
                                Map.of("namespace", ns, "name", lineageStart, "maxNodes", 1000))
                        .list()
                        .size());
            }
        }));
        var columnVars = Map.<String, Object>of("ns", ns, "name", lineageStart);
        results.add(measure(
                "columnLineage depth 10",
                "GraphQL",
                samples,
                () -> count(graphql(COLUMNS, columnVars).path("columnLineage").path("nodes"))));
        results.add(measure(
                "columnLineage depth 10", "raw BFS, 1 tx", samples, () -> raw.columns(ns, lineageStart, 10, 1000)));
        int few = Math.max(3, samples / 5);
        var impactVars = Map.<String, Object>of("ns", ns, "name", impactStart);
        results.add(measure("impact maxNodes 10000", "GraphQL", few, () -> {
            JsonNode impact = graphql(IMPACT, impactVars).path("impact");
            return count(impact.path("datasets")) + count(impact.path("jobs"));
        }));
        results.add(measure(
                "impact maxNodes 10000",
                "raw BFS, 1 tx",
                few,
                () -> raw.lineage(ns, impactStart, 50, 10_000, false, true) - 1));
        results.add(measure(
                "impact full (uncapped)",
                "raw BFS, 1 tx",
                few,
                () -> raw.lineage(ns, impactStart, 50, Integer.MAX_VALUE, false, true) - 1));
        results.add(measure("impact full (uncapped)", "raw 1 statement", few, () -> {
            try (var session = driver.session()) {
                return session.executeRead(tx -> tx.run(
                                GraphGen.resource("/raw/downstream-count.cypher"),
                                Map.of("namespace", ns, "name", impactStart))
                        .single()
                        .get("descendants")
                        .asInt());
            }
        }));
        return results;
    }

    private static Result measure(String query, String via, int samples, Callable<Integer> call) throws Exception {
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
        var r = new Result(query, via, samples, nodes, percentile(millis, 50), percentile(millis, 95));
        System.out.printf(
                "  %-24s %-16s nodes %7d  p50 %8.1f ms  p95 %8.1f ms%n", query, via, nodes, r.p50Ms(), r.p95Ms());
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
        String body = json.writeValueAsString(Map.of("query", query, "variables", variables));
        var request = HttpRequest.newBuilder(service.uri("/graphql"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode root = json.readTree(response.body());
        if (response.statusCode() != 200 || root.has("errors")) {
            throw new IllegalStateException("GraphQL failed: " + response.body());
        }
        return root.path("data");
    }
}
