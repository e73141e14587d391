package io.tributary.lineage;

import java.util.List;

/** The GraphQL {@code LineageGraph}: datasets and jobs around a start node, and the edges walked between them. */
public record LineageGraph(List<Node> nodes, List<Edge> edges, boolean truncated) {

    /** A dataset or job with its distance from the start and what the UI needs to draw it. */
    public record Node(
            String id,
            NodeKind kind,
            String namespace,
            String name,
            int distance,
            String description,
            List<String> owners,
            String jobType,
            String integration,
            String latestRunId,
            String latestRunState,
            List<DatasetName> otherNames) {}

    /**
     * An edge in the direction data flows; {@code history}: not in its job's current version (only walks with
     * {@code since} or {@code asOf} return such edges).
     */
    public record Edge(String from, String to, boolean history) {}
}
