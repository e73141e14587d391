package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Dataset and job lineage around a start node. On the current graph, one streamed statement per direction in one
 * transaction ({@link DatasetWalks}); across symlinks and at a past time, the level-by-level walk with the identity
 * step ({@link IdentityWalk}).
 */
@Service
class DatasetLineage {

    private final DatasetWalks walks;
    private final IdentityWalk identityWalk;
    private final EdgeHistory edgeHistory;
    private final LineageProperties properties;

    DatasetLineage(
            DatasetWalks walks, IdentityWalk identityWalk, EdgeHistory edgeHistory, LineageProperties properties) {
        this.walks = walks;
        this.identityWalk = identityWalk;
        this.edgeHistory = edgeHistory;
        this.properties = properties;
    }

    LineageGraph lineage(
            NodeRef ref, Direction direction, int depth, int maxNodes, OffsetDateTime asOf, OffsetDateTime since) {
        if (asOf != null && since != null) {
            throw new IllegalArgumentException("give asOf (the graph at a time) or since (a window), not both");
        }
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        DatasetWalks.Found found = asOf == null
                ? walks.lineage(ref.validated(), direction, limits, since)
                : identityWalk.walk(ref.validated(), direction, limits, asOf, null);
        Bfs.Walk<Node, Void> walk = found.walk();
        Map<String, Details> details = found.details();
        var nodes = new ArrayList<LineageGraph.Node>(walk.nodes().size());
        // Public ids by element id, made once per node (edges name their ends by element id).
        var ids = new HashMap<String, String>(walk.nodes().size() * 2);
        walk.nodes().forEach((elementId, reached) -> {
            Node n = reached.node();
            Details d = details.getOrDefault(elementId, Details.NONE);
            String id = n.id();
            ids.put(elementId, id);
            nodes.add(new LineageGraph.Node(
                    id,
                    n.kind(),
                    n.namespace(),
                    n.name(),
                    reached.distance(),
                    d.description(),
                    d.owners(),
                    d.jobType(),
                    d.integration(),
                    d.latestRunId(),
                    d.latestRunState(),
                    found.otherNames().getOrDefault(elementId, List.of())));
        });
        nodes.sort(Comparator.comparingInt(LineageGraph.Node::distance)
                .thenComparing(LineageGraph.Node::kind)
                .thenComparing(LineageGraph.Node::namespace)
                .thenComparing(LineageGraph.Node::name));
        // The current graph has no history edges; a window or a past time may.
        Set<Bfs.Edge<Void>> history = asOf == null && since == null ? Set.of() : edgeHistory.of(walk);
        var edges = new ArrayList<LineageGraph.Edge>(walk.edges().size());
        for (Bfs.Edge<Void> edge : walk.edges()) {
            edges.add(new LineageGraph.Edge(ids.get(edge.from()), ids.get(edge.to()), history.contains(edge)));
        }
        edges.sort(Comparator.comparing(LineageGraph.Edge::from).thenComparing(LineageGraph.Edge::to));
        return new LineageGraph(nodes, edges, walk.truncated());
    }
}
