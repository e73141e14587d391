package io.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether runs are visible through GraphQL with their terminal state: one {@code run(id)} per run, aliased, at most
 * {@link #PER_QUERY} per request (under the service's alias limit). The query text depends only on how many runs it
 * asks about, so the service parses it once. A 201 is never taken to mean visible: this is what the benchmark counts.
 */
final class Visibility {

    static final int PER_QUERY = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Service service;
    private final HttpClient http;

    Visibility(Service service, HttpClient http) {
        this.service = service;
        this.http = http;
    }

    /** Those of {@code runs} (at most {@link #PER_QUERY}) that GraphQL shows as COMPLETED now. */
    Set<UUID> completed(List<UUID> runs) {
        var query = new StringBuilder("query Visible(");
        var selection = new StringBuilder();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        for (int i = 0; i < runs.size(); i++) {
            query.append(i == 0 ? "" : ", ").append("$r").append(i).append(": ID!");
            selection.append(" r").append(i).append(": run(id: $r").append(i).append(") { state }");
            variables.put("r" + i, runs.get(i).toString());
        }
        body.put("query", query.append(") {").append(selection).append(" }").toString());
        var visible = new HashSet<UUID>();
        try {
            var response = http.send(
                    HttpRequest.newBuilder(service.uri("/graphql"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var data = JSON.readTree(response.body()).path("data");
            for (int i = 0; i < runs.size(); i++) {
                if (data.path("r" + i).path("state").asString("").equals("COMPLETED")) {
                    visible.add(runs.get(i));
                }
            }
        } catch (Exception e) {
            // not answered: nothing is known to be visible
        }
        return visible;
    }

    /**
     * Polls until every run is COMPLETED in GraphQL; returns {@code System.nanoTime()} when the answer that showed the
     * last of them arrived, or -1 after {@code timeout}.
     */
    long awaitCompleted(List<UUID> runs, Duration timeout) throws InterruptedException {
        List<UUID> waiting = List.copyOf(runs);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var still = new ArrayList<UUID>();
            for (int from = 0; from < waiting.size(); from += PER_QUERY) {
                var chunk = waiting.subList(from, Math.min(waiting.size(), from + PER_QUERY));
                var seen = completed(chunk);
                chunk.stream().filter(r -> !seen.contains(r)).forEach(still::add);
            }
            waiting = still;
            if (waiting.isEmpty()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(5);
        }
    }
}
