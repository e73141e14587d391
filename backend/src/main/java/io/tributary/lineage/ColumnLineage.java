package io.tributary.lineage;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.lineage.ColumnHops.Field;
import io.tributary.lineage.ColumnLineageGraph.Transformation;
import io.tributary.lineage.index.AdjacencyGraph;
import io.tributary.lineage.index.LineageIndex;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Column lineage: the walk over FEEDS edges from a field or from all fields of a dataset. */
@Service
class ColumnLineage {

    private static final Comparator<ColumnLineageGraph.Edge> EDGE_ORDER = Comparator.comparing(
                    ColumnLineageGraph.Edge::from)
            .thenComparing(ColumnLineageGraph.Edge::to)
            .thenComparing(e -> e.transformation().type())
            .thenComparing(e -> e.transformation().subtype(), Comparator.nullsFirst(Comparator.naturalOrder()))
            // Total, so that the answer does not depend on the order derivations were found in (a symlink group's
            // members may each report the same pair with other descriptions).
            .thenComparing(e -> e.transformation().description(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.transformation().masking(), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A walk, and the identity groups it met (for the other names of its fields' datasets). */
    record Named(Bfs.Walk<Field, Transformation> walk, IdentityGroups names) {}

    /** Where a walk reads its levels and identity groups: the database (in one transaction) or the index. */
    interface Levels {
        IdentityGroups identity();

        /** One level's derivations; {@code named} hears of each far field whose dataset has symlinks. */
        Bfs.Expander<Field, Transformation> expander(boolean downstream, Consumer<String> named);

        /** A field of a symlink group as the group's node: under the representative's name, with its type. */
        default Field as(Field field, IdentityGroups.Member representative) {
            return new Field(representative.namespace(), representative.name(), field.field(), representative.type());
        }
    }

    private final ColumnHops hops;
    private final SymlinkIdentity identity;
    private final LineageProperties properties;
    private final LineageIndex index;
    private final MeterRegistry meters;

    ColumnLineage(
            ColumnHops hops,
            SymlinkIdentity identity,
            LineageProperties properties,
            LineageIndex index,
            MeterRegistry meters) {
        this.hops = hops;
        this.identity = identity;
        this.properties = properties;
        this.index = index;
        this.meters = meters;
    }

    ColumnLineageGraph columnLineage(NodeRef ref, Direction direction, int depth, int maxNodes, OffsetDateTime asOf) {
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        NodeRef key = ref.validated();
        Named named = asOf == null ? onIndex(index.ready(), key, direction, limits) : null;
        counted("columnLineage", named != null);
        if (named == null) {
            SchemasAt schemas = hops.schemasAt(asOf);
            named = named(hops.start(key, schemas), direction, limits, schemas);
        }
        return graph(named);
    }

    /**
     * As {@link #columnLineage} on the loaded index whether or not walks are switched to it (the equivalence tests);
     * null when it cannot answer.
     */
    ColumnLineageGraph columnLineageOnLoaded(NodeRef ref, Direction direction, int depth, int maxNodes) {
        Named named =
                onIndex(index.loaded(), ref.validated(), direction, Limits.of(depth, maxNodes, properties.deadline()));
        return named == null ? null : graph(named);
    }

    /** The walk on the index from a start it holds as a live node; otherwise null (the database decides). */
    private Named onIndex(AdjacencyGraph graph, NodeRef key, Direction direction, Limits limits) {
        if (graph == null) {
            return null;
        }
        return graph.read(() -> {
            var levels = new IndexColumns(graph);
            Map<String, Field> start = levels.start(key);
            return start == null ? null : named(start, direction, limits, levels);
        });
    }

    private void counted(String kind, boolean onIndex) {
        meters.counter("tributary.lineage.index.walks", "kind", kind, "via", onIndex ? "index" : "cypher")
                .increment();
    }

    private static ColumnLineageGraph graph(Named named) {
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
        if (schemas == null) {
            Named named = onIndex(index.ready(), starts, direction, limits);
            counted("columnImpact", named != null);
            if (named != null) {
                return named.walk();
            }
        }
        return named(starts, direction, limits, schemas).walk();
    }

    /** As {@link #walk} on the loaded index whether or not walks are switched to it; null when it lacks a start. */
    Bfs.Walk<Field, Transformation> walkOnLoaded(Map<String, Field> starts, Direction direction, Limits limits) {
        Named named = onIndex(index.loaded(), starts, direction, limits);
        return named == null ? null : named.walk();
    }

    private Named onIndex(AdjacencyGraph graph, Map<String, Field> starts, Direction direction, Limits limits) {
        if (graph == null) {
            return null;
        }
        return graph.read(() -> {
            var levels = new IndexColumns(graph);
            return levels.knows(starts.keySet()) ? named(starts, direction, limits, levels) : null;
        });
    }

    /**
     * The walk with the identity step between levels: a column under its dataset's other names (symlinks) is one node,
     * and the walk continues from all of them.
     */
    private Named named(Map<String, Field> starts, Direction direction, Limits limits, SchemasAt schemas) {
        return hops.inOneTransaction(reads -> named(starts, direction, limits, new Levels() {
            @Override
            public IdentityGroups identity() {
                return identity.fields(reads);
            }

            @Override
            public Bfs.Expander<Field, Transformation> expander(boolean downstream, Consumer<String> named) {
                return hops.expander(reads, downstream, schemas, named);
            }

            @Override
            public Field as(Field field, IdentityGroups.Member representative) {
                Field named = Levels.super.as(field, representative);
                if (schemas == null) {
                    return named;
                }
                schemas.load(List.of(named.datasetKey()));
                return new Field(
                        named.namespace(),
                        named.dataset(),
                        named.field(),
                        schemas.type(named.datasetKey(), named.field(), named.type()));
            }
        }));
    }

    private static Named named(Map<String, Field> starts, Direction direction, Limits limits, Levels levels) {
        IdentityGroups groups = levels.identity();
        BiFunction<Field, IdentityGroups.Member, Field> as = levels::as;
        Map<String, Field> start = groups.start(starts, f -> true, as);
        // Fields whose dataset has symlinks, as the levels found them: only those need the lookup.
        Set<String> named = ConcurrentHashMap.newKeySet();
        var up = groups.across(levels.expander(false, named::add), f -> true, named::contains, as);
        var down = groups.across(levels.expander(true, named::add), f -> true, named::contains, as);
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
    }
}
