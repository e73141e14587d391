package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Dataset and job lineage around a start node. On the current graph, one streamed statement per direction in one
 * transaction ({@link DatasetWalks}); at a past time, the level-by-level walk and one details query.
 */
@Service
class DatasetLineage {

    private final DatasetHops hops;
    private final DatasetWalks walks;
    private final LineageProperties properties;

    DatasetLineage(DatasetHops hops, DatasetWalks walks, LineageProperties properties) {
        this.hops = hops;
        this.walks = walks;
        this.properties = properties;
    }

    LineageGraph lineage(
            NodeRef ref, Direction direction, int depth, int maxNodes, OffsetDateTime asOf, OffsetDateTime since) {
        if (asOf != null && since != null) {
            throw new IllegalArgumentException("give asOf (the graph at a time) or since (a window), not both");
        }
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        Bfs.Walk<Node, Void> walk;
        Map<String, Details> details;
        if (asOf == null) {
            DatasetWalks.Found found = walks.lineage(ref.validated(), direction, limits, since);
            walk = found.walk();
            details = found.details();
        } else {
            walk = walk(ref.validated(), direction, limits, asOf);
            details = hops.details(walk.nodes().keySet(), asOf);
        }
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
                    d.latestRunState()));
        });
        nodes.sort(Comparator.comparingInt(LineageGraph.Node::distance)
                .thenComparing(LineageGraph.Node::kind)
                .thenComparing(LineageGraph.Node::namespace)
                .thenComparing(LineageGraph.Node::name));
        var edges = new ArrayList<LineageGraph.Edge>(walk.edges().size());
        for (Bfs.Edge<Void> edge : walk.edges()) {
            edges.add(new LineageGraph.Edge(ids.get(edge.from()), ids.get(edge.to())));
        }
        edges.sort(Comparator.comparing(LineageGraph.Edge::from).thenComparing(LineageGraph.Edge::to));
        return new LineageGraph(nodes, edges, walk.truncated());
    }

    /** The level-by-level walk alone, keyed by element id (walks at a past time). */
    private Bfs.Walk<Node, Void> walk(NodeRef ref, Direction direction, Limits limits, OffsetDateTime asOf) {
        Map<String, Node> start = hops.start(ref, asOf);
        return switch (direction) {
            case DOWNSTREAM -> Bfs.walk(start, hops.expander(true, asOf), true, limits, Node.ORDER);
            case UPSTREAM -> Bfs.walk(start, hops.expander(false, asOf), false, limits, Node.ORDER);
            case BOTH ->
                Bfs.both(
                        () -> Bfs.walk(start, hops.expander(false, asOf), false, limits, Node.ORDER),
                        () -> Bfs.walk(start, hops.expander(true, asOf), true, limits, Node.ORDER),
                        limits.maxNodes(),
                        Node.ORDER);
        };
    }
}
