package io.tributary.lineage;

import io.tributary.lineage.ColumnHops.Field;
import io.tributary.lineage.ColumnLineageGraph.Transformation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;

/** Column lineage: the walk over FEEDS edges from a field or from all fields of a dataset. */
@Service
class ColumnLineage {

    private static final Comparator<ColumnLineageGraph.Edge> EDGE_ORDER = Comparator.comparing(
                    ColumnLineageGraph.Edge::from)
            .thenComparing(ColumnLineageGraph.Edge::to)
            .thenComparing(e -> e.transformation().type())
            .thenComparing(e -> e.transformation().subtype(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final BiFunction<Field, IdentityGroups.Member, Field> AS =
            (f, m) -> new Field(m.namespace(), m.name(), f.field(), f.type());

    /** A walk, and the identity groups it met (for the other names of its fields' datasets). */
    record Named(Bfs.Walk<Field, Transformation> walk, IdentityGroups names) {}

    private final ColumnHops hops;
    private final SymlinkIdentity identity;
    private final LineageProperties properties;

    ColumnLineage(ColumnHops hops, SymlinkIdentity identity, LineageProperties properties) {
        this.hops = hops;
        this.identity = identity;
        this.properties = properties;
    }

    ColumnLineageGraph columnLineage(NodeRef ref, Direction direction, int depth, int maxNodes, OffsetDateTime asOf) {
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        SchemasAt schemas = hops.schemasAt(asOf);
        Named named = named(hops.start(ref.validated(), schemas), direction, limits, schemas);
        Bfs.Walk<Field, Transformation> walk = named.walk();
        var nodes = new ArrayList<ColumnLineageGraph.Node>();
        walk.nodes().forEach((elementId, reached) -> {
            Field f = reached.node();
            nodes.add(new ColumnLineageGraph.Node(
                    f.id(),
                    f.namespace(),
                    f.dataset(),
                    f.field(),
                    f.type(),
                    reached.distance(),
                    named.names().otherNames(elementId)));
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
        return named(starts, direction, limits, schemas).walk();
    }

    /**
     * The walk with the identity step between levels: a column under its dataset's other names (symlinks) is one node,
     * and the walk continues from all of them.
     */
    private Named named(Map<String, Field> starts, Direction direction, Limits limits, SchemasAt schemas) {
        return hops.inOneTransaction(reads -> {
            IdentityGroups groups = identity.fields(reads);
            Map<String, Field> start = groups.start(starts, f -> true, AS);
            // Fields whose dataset has symlinks, as the level statements found them: only those need the lookup.
            Set<String> named = ConcurrentHashMap.newKeySet();
            var up = groups.across(hops.expander(reads, false, schemas, named::add), f -> true, named::contains, AS);
            var down = groups.across(hops.expander(reads, true, schemas, named::add), f -> true, named::contains, AS);
            Bfs.Walk<Field, Transformation> walk = switch (direction) {
                case DOWNSTREAM -> Bfs.walk(start, down, true, limits, Field.ORDER);
                case UPSTREAM -> Bfs.walk(start, up, false, limits, Field.ORDER);
                case BOTH ->
                    Bfs.union(
                            Bfs.walk(start, up, false, limits, Field.ORDER),
                            Bfs.walk(start, down, true, limits, Field.ORDER),
                            limits.maxNodes(),
                            Field.ORDER);
            };
            return new Named(walk, groups);
        });
    }
}
