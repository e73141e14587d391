package io.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;

/**
 * The service's column-lineage traversal done by hand over Bolt: the same {@code cypher/read/lineage/column-*}
 * statements, level by level, but all in one read transaction and without GraphQL, HTTP or result mapping. Same
 * answer (node set), least overhead.
 */
final class RawBfs {

    private final Driver driver;
    private final Path cypher;

    RawBfs(Driver driver, Path repository) {
        this.driver = driver;
        this.cypher = repository.resolve("cypher/read/lineage");
    }

    /** Column lineage upstream from a dataset's current fields. */
    int columns(String namespace, String name, int depth, int maxNodes) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var row = tx.run(statement("dataset-fields"), Map.of("namespace", namespace, "name", name))
                        .single();
                String version = row.get("schemaVersion").asString();
                var starts = row.get("fields").asList(v -> v).stream()
                        .filter(f -> version.equals(f.get("schemaVersion").asString()))
                        .map(f -> f.get("id").asString())
                        .toList();
                return walk(tx, "column-upstream", starts, depth, maxNodes).size();
            });
        }
    }

    private Set<String> walk(TransactionContext tx, String level, List<String> starts, int depth, int maxNodes) {
        String cypher = statement(level);
        var visited = new LinkedHashSet<>(starts);
        List<String> frontier = starts;
        for (int d = 0; d < depth && !frontier.isEmpty() && visited.size() < maxNodes; d++) {
            var parameters = new HashMap<String, Object>();
            parameters.put("frontier", frontier);
            parameters.put("exclude", null);
            parameters.put("limit", Integer.MAX_VALUE);
            var next = new ArrayList<String>();
            for (var hop : tx.run(cypher, parameters).list()) {
                String far = hop.get("far").asString();
                if (visited.size() < maxNodes && visited.add(far)) {
                    next.add(far);
                }
            }
            frontier = next;
        }
        return visited;
    }

    private String statement(String name) {
        try {
            return Files.readString(cypher.resolve(name + ".cypher"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
