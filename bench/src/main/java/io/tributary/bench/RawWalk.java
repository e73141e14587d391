package io.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;

/**
 * The service's answer computed with the least machinery: the same {@code cypher/read/lineage/walk} statements over
 * Bolt (one read transaction per direction, both directions at once), read nearest first and cut the same way, but
 * without GraphQL, HTTP, JSON or the service's result mapping. This is the raw Cypher figure for the SAME answer
 * (node set with distances, edges, details) that the service's latency is compared with.
 */
final class RawWalk {

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    private final Driver driver;
    private final Path cypher;

    RawWalk(Driver driver, Path repository) {
        this.driver = driver;
        this.cypher = repository.resolve("cypher/read/lineage");
    }

    /**
     * {@code lineage} both ways from a dataset: nodes (with details and each job's latest run, which the statements
     * bring) and edges; returns the nodes. The two directions run concurrently, as in the service.
     */
    int lineage(String namespace, String name, int depth, int maxNodes) {
        CompletableFuture<List<Record>> upstream = CompletableFuture.supplyAsync(
                () -> walk("walk/dataset-upstream", namespace, name, depth, maxNodes), BACKGROUND);
        List<Record> down = walk("walk/dataset-downstream", namespace, name, depth, maxNodes);
        List<Record> up = upstream.join();
        var nodes = new HashMap<String, Record>();
        var distance = new HashMap<String, Integer>();
        for (Record r : concat(up, down)) {
            String id = r.get("id").asString();
            int d = r.get("distance").asInt();
            if (distance.merge(id, d, Math::min) == d) {
                nodes.put(id, r);
            }
        }
        var kept = new ArrayList<>(nodes.values());
        if (kept.size() > maxNodes) {
            kept.sort(Comparator.<Record>comparingInt(
                            r -> distance.get(r.get("id").asString()))
                    .thenComparing(r -> r.get("name").asString()));
            kept = new ArrayList<>(kept.subList(0, maxNodes));
        }
        var ids = new HashMap<String, Boolean>();
        kept.forEach(r -> ids.put(r.get("id").asString(), true));
        int edges = 0;
        for (Record r : concat(up, down)) {
            for (var next : r.get("next").values()) {
                edges += ids.containsKey(next.asString()) ? 1 : 0;
            }
        }
        return edges >= 0 ? kept.size() : -1; // the edges are part of the answer: count them
    }

    /** Everything downstream of a dataset (up to maxNodes, nearest first) with owners; returns the impacted count. */
    int impact(String namespace, String name, int maxNodes) {
        List<Record> rows = walk("walk/dataset-impact", namespace, name, 50, maxNodes);
        if (rows.size() > maxNodes) {
            // The cut keeps the first of the last level in name order, as the service does.
            int last = rows.getLast().get("distance").asInt();
            var level = new ArrayList<>(
                    rows.stream().filter(r -> r.get("distance").asInt() == last).toList());
            level.sort(Comparator.comparing(r -> r.get("name").asString()));
            return maxNodes - 1;
        }
        return rows.size() - 1;
    }

    /** Rows nearest first, up to the depth cap and the level where maxNodes is reached; the rest is discarded. */
    private List<Record> walk(String statement, String namespace, String name, int depth, int maxNodes) {
        // The service's batch size (DatasetWalks.fetchSize): the database runs ahead of the reader by one batch.
        var config = SessionConfig.builder()
                .withFetchSize(Math.clamp(maxNodes / 4, 100, 2_000))
                .build();
        try (var session = driver.session(config)) {
            return session.executeRead(tx -> {
                var parameters = new java.util.HashMap<String, Object>(Map.of("namespace", namespace, "name", name));
                parameters.put("since", null); // the current graph
                var result = tx.run(statement(statement), parameters);
                var rows = new ArrayList<Record>();
                int level = 0;
                while (result.hasNext()) {
                    Record r = result.next();
                    int d = r.get("distance").asInt();
                    if (d > level && (d > depth || rows.size() >= maxNodes)) {
                        break;
                    }
                    level = d;
                    rows.add(r);
                }
                result.consume();
                return rows;
            });
        }
    }

    private static List<Record> concat(List<Record> a, List<Record> b) {
        var all = new ArrayList<Record>(a);
        all.addAll(b);
        return all;
    }

    private String statement(String name) {
        try {
            return Files.readString(cypher.resolve(name + ".cypher"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
