package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Node;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Repository;

/**
 * Which edges of a walk are history: edges no longer in their job's current version, which only walks with
 * {@code since} or {@code asOf} follow. One query for all of a walk's edges.
 */
@Repository
class EdgeHistory {

    /** An edge between a job and a dataset (element ids); {@code reads}: the job reads the dataset. */
    private record JobEdge(String job, String dataset, boolean reads) {}

    private record Edges(List<JobEdge> edges) {}

    private final GraphStore store;

    EdgeHistory(GraphStore store) {
        this.store = store;
    }

    /** The walk's edges that are history. */
    Set<Bfs.Edge<Void>> of(Bfs.Walk<Node, Void> walk) {
        var edges = new ArrayList<JobEdge>(walk.edges().size());
        for (Bfs.Edge<Void> edge : walk.edges()) {
            Bfs.Reached<Node> from = walk.nodes().get(edge.from());
            if (from == null || walk.nodes().get(edge.to()) == null) {
                continue;
            }
            boolean reads = from.node().kind() == NodeKind.DATASET;
            edges.add(reads ? new JobEdge(edge.to(), edge.from(), true) : new JobEdge(edge.from(), edge.to(), false));
        }
        if (edges.isEmpty()) {
            return Set.of();
        }
        return store.read("read/lineage/history-edges", Parameters.of(new Edges(edges)), result -> {
            var history = new HashSet<Bfs.Edge<Void>>();
            result.forEachRemaining(r -> {
                String job = r.get("job").asString();
                String dataset = r.get("dataset").asString();
                history.add(
                        r.get("reads").asBoolean()
                                ? new Bfs.Edge<>(dataset, job, null)
                                : new Bfs.Edge<>(job, dataset, null));
            });
            return history;
        });
    }
}
