package io.tributary.lineage;

import io.tributary.lineage.ColumnHops.Field;
import io.tributary.lineage.ColumnLineageGraph.Transformation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Column lineage: the walk over FEEDS edges from a field or from all fields of a dataset. */
@Service
class ColumnLineage {

    private static final Comparator<ColumnLineageGraph.Edge> EDGE_ORDER = Comparator.comparing(
                    ColumnLineageGraph.Edge::from)
            .thenComparing(ColumnLineageGraph.Edge::to)
            .thenComparing(e -> e.transformation().type())
            .thenComparing(e -> e.transformation().subtype(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ColumnHops hops;
    private final LineageProperties properties;

    ColumnLineage(ColumnHops hops, LineageProperties properties) {
        this.hops = hops;
        this.properties = properties;
    }

    ColumnLineageGraph columnLineage(NodeRef ref, Direction direction, int depth, int maxNodes, OffsetDateTime asOf) {
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        SchemasAt schemas = hops.schemasAt(asOf);
        Bfs.Walk<Field, Transformation> walk = walk(hops.start(ref.validated(), schemas), direction, limits, schemas);
        var nodes = new ArrayList<ColumnLineageGraph.Node>();
        walk.nodes().forEach((elementId, reached) -> {
            Field f = reached.node();
            nodes.add(new ColumnLineageGraph.Node(
                    f.id(), f.namespace(), f.dataset(), f.field(), f.type(), reached.distance()));
        });
        nodes.sort(Comparator.comparingInt(ColumnLineageGraph.Node::distance)
                .thenComparing(ColumnLineageGraph.Node::namespace)
                .thenComparing(ColumnLineageGraph.Node::dataset)
                .thenComparing(ColumnLineageGraph.Node::field));
        var edges = new ArrayList<ColumnLineageGraph.Edge>();
        for (Bfs.Edge<Transformation> edge : walk.edges()) {
            edges.add(new ColumnLineageGraph.Edge(
                    walk.nodes().get(edge.from()).node().id(),
                    walk.nodes().get(edge.to()).node().id(),
                    edge.data()));
        }
        edges.sort(EDGE_ORDER);
        return new ColumnLineageGraph(nodes, edges, walk.truncated());
    }

    /**
     * The walk alone, keyed by element id; impact analysis builds on it. {@code schemas} is null for now. All levels
     * (both directions one after the other) run in one read transaction.
     */
    Bfs.Walk<Field, Transformation> walk(
            Map<String, Field> starts, Direction direction, Limits limits, SchemasAt schemas) {
        return hops.inOneTransaction(reads -> switch (direction) {
            case DOWNSTREAM -> Bfs.walk(starts, hops.expander(reads, true, schemas), true, limits, Field.ORDER);
            case UPSTREAM -> Bfs.walk(starts, hops.expander(reads, false, schemas), false, limits, Field.ORDER);
            case BOTH ->
                Bfs.union(
                        Bfs.walk(starts, hops.expander(reads, false, schemas), false, limits, Field.ORDER),
                        Bfs.walk(starts, hops.expander(reads, true, schemas), true, limits, Field.ORDER),
                        limits.maxNodes(),
                        Field.ORDER);
        });
    }
}
