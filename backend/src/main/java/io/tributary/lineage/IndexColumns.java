package io.tributary.lineage;

import io.tributary.lineage.ColumnHops.Field;
import io.tributary.lineage.ColumnLineageGraph.Transformation;
import io.tributary.lineage.index.AdjacencyGraph;
import io.tributary.lineage.index.ColumnGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Column walks on the in-memory index: the start fields, one level's derivations and the identity step read from
 * {@link ColumnGraph} with the rules of dataset-fields.cypher, column-downstream.cypher (and upstream) and
 * identity-fields.cypher, so that {@link Bfs} and {@link IdentityGroups} walk it exactly as they walk Cypher's levels.
 * Runs under the graph's read lock.
 */
final class IndexColumns implements ColumnLineage.Levels {

    private final AdjacencyGraph graph;
    private final ColumnGraph columns;

    IndexColumns(AdjacencyGraph graph) {
        this.graph = graph;
        this.columns = graph.columns();
    }

    /**
     * The start fields as {@link ColumnHops#start} finds them on the current graph, or null when the index lacks the
     * start as a live node (the database decides then: NOT_FOUND, or a node the index has not heard of yet).
     */
    Map<String, Field> start(NodeRef ref) {
        int dataset = graph.node(false, ref.namespace(), ref.name());
        if (dataset < 0 || graph.deleted(dataset)) {
            return null;
        }
        if (ref.kind() == NodeKind.FIELD) {
            int f = columns.field(dataset, ref.field());
            return f < 0 ? null : Map.of(graph.fieldElementId(f), field(f));
        }
        if (ref.kind() != NodeKind.DATASET) {
            return null;
        }
        var fields = new LinkedHashMap<String, Field>();
        currentFields(dataset, fields);
        // The other names' columns too, in the order symlinked-dataset-fields.cypher reads them.
        int[] group = graph.symlinkGroup(dataset);
        List<Integer> others = new ArrayList<>();
        for (int o : group) {
            if (o != dataset) {
                others.add(o);
            }
        }
        others.sort(Comparator.comparing(graph::namespace).thenComparing(graph::name));
        others.forEach(o -> currentFields(o, fields));
        return fields;
    }

    private void currentFields(int dataset, Map<String, Field> into) {
        columns.forEachField(dataset, f -> {
            if (columns.current(f)) {
                into.put(graph.fieldElementId(f), field(f));
            }
        });
    }

    /** Whether every one of these fields is in the index (a walk from given starts runs here only then). */
    boolean knows(Collection<String> ids) {
        return ids.stream().allMatch(id -> graph.field(id) >= 0);
    }

    private Field field(int f) {
        int d = columns.dataset(f);
        return new Field(graph.namespace(d), graph.name(d), columns.name(f), columns.type(f));
    }

    @Override
    public IdentityGroups identity() {
        return new IdentityGroups(this::groups);
    }

    /** As identity-fields.cypher: the field, then its same-named fields in its dataset's other live names. */
    private Map<String, List<IdentityGroups.Member>> groups(Collection<String> ids) {
        var groups = new HashMap<String, List<IdentityGroups.Member>>();
        for (String id : ids) {
            int f = graph.field(id);
            if (f < 0) {
                continue;
            }
            int d = columns.dataset(f);
            var members = new ArrayList<IdentityGroups.Member>();
            members.add(new IdentityGroups.Member(
                    id, graph.namespace(d), graph.name(d), graph.declares(d), columns.type(f)));
            for (int o : graph.symlinkGroup(d)) {
                int g = o == d ? -1 : columns.field(o, columns.name(f));
                if (g >= 0) {
                    members.add(new IdentityGroups.Member(
                            graph.fieldElementId(g),
                            graph.namespace(o),
                            graph.name(o),
                            graph.declares(o),
                            columns.type(g)));
                }
            }
            groups.put(id, members);
        }
        return groups;
    }

    /**
     * One level as column-downstream.cypher (or upstream) reads it: the current derivations from the frontier whose
     * far field's dataset and whose job are not deleted, up to {@code limit}, leaving out {@code exclude}.
     */
    @Override
    public Bfs.Expander<Field, Transformation> expander(boolean downstream, Consumer<String> named) {
        int direction = downstream ? AdjacencyGraph.DOWN : AdjacencyGraph.UP;
        return (frontier, exclude, limit) -> {
            var hops = new ArrayList<Bfs.Hop<Field, Transformation>>();
            for (String near : frontier) {
                int n = graph.field(near);
                if (n < 0 || hops.size() >= limit) {
                    continue;
                }
                columns.forEachFeed(direction, n, (far, job, derivation, current) -> {
                    if (!current || hops.size() >= limit) {
                        return;
                    }
                    int dataset = columns.dataset(far);
                    if (graph.deleted(dataset) || (job >= 0 && graph.deleted(job))) {
                        return;
                    }
                    String farId = graph.fieldElementId(far);
                    if (exclude != null && exclude.contains(farId)) {
                        return;
                    }
                    if (graph.degree(AdjacencyGraph.SYMLINK, dataset) > 0) {
                        named.accept(farId);
                    }
                    String subtype = derivation.subtype();
                    hops.add(new Bfs.Hop<>(
                            near,
                            farId,
                            field(far),
                            new Transformation(
                                    derivation.type(),
                                    subtype == null || subtype.isEmpty() ? null : subtype,
                                    derivation.description(),
                                    derivation.masking())));
                });
            }
            return hops;
        };
    }
}
