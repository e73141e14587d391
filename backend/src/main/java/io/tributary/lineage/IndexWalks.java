package io.tributary.lineage;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import io.tributary.lineage.index.AdjacencyGraph;
import io.tributary.lineage.index.LineageIndex;
import io.tributary.lineage.index.NodeDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Lineage and impact walks on the in-memory index ({@link LineageIndex}): the same answer as the Cypher walks
 * ({@link DatasetWalks}, {@link IdentityWalk}) on the current graph, by the same level-by-level rules ({@link Bfs}:
 * each node once at its shortest distance, the first ones in {@link Node#ORDER} of the level where maxNodes is reached,
 * the depth-cap probe), with symlink groups as {@link IdentityGroups} forms them. The start (by its key), the walk and
 * what it shows on each node (owners, documentation, job type, a job's latest run) come from the index; the database
 * is asked only when the index lacks the start as a live node.
 */
@Component
class IndexWalks {

    private final LineageIndex index;
    private final DatasetHops hops;
    private final MeterRegistry meters;

    IndexWalks(LineageIndex index, DatasetHops hops, MeterRegistry meters) {
        this.index = index;
        this.hops = hops;
        this.meters = meters;
    }

    /** Lineage from the index, or null when it cannot answer (not enabled or loaded, or the start is not in it yet). */
    DatasetWalks.Found lineage(NodeRef ref, Direction direction, Limits limits) {
        return counted("lineage", walk(index.ready(), ref, direction, limits, true));
    }

    /** Impact (everything downstream, with owners) from the index, or null as {@link #lineage}. */
    DatasetWalks.Found impact(NodeRef ref, Limits limits) {
        return counted("impact", walk(index.ready(), ref, Direction.DOWNSTREAM, limits, false));
    }

    /** Which walks the index answered and which fell back to Cypher (not enabled, not loaded, a start it lacks). */
    private DatasetWalks.Found counted(String kind, DatasetWalks.Found found) {
        meters.counter("tributary.lineage.index.walks", "kind", kind, "via", found == null ? "cypher" : "index")
                .increment();
        return found;
    }

    /** As {@link #lineage} on the loaded index whether or not walks are switched to it (the equivalence tests). */
    DatasetWalks.Found lineageOnLoaded(NodeRef ref, Direction direction, Limits limits) {
        return walk(index.loaded(), ref, direction, limits, true);
    }

    /** As {@link #impact} on the loaded index whether or not walks are switched to it. */
    DatasetWalks.Found impactOnLoaded(NodeRef ref, Limits limits) {
        return walk(index.loaded(), ref, Direction.DOWNSTREAM, limits, false);
    }

    private DatasetWalks.Found walk(
            AdjacencyGraph graph, NodeRef ref, Direction direction, Limits limits, boolean lineage) {
        if (graph == null) {
            return null;
        }
        NodeRef key = ref.validated();
        var found = graph.read(() -> {
            int start = key.kind() == NodeKind.FIELD
                    ? -1
                    : graph.node(key.kind() == NodeKind.JOB, key.namespace(), key.name());
            if (start < 0 || graph.deleted(start)) {
                return null;
            }
            var walker = new Walker(graph, start, lineage);
            Bfs.Walk<Node, Void> walk = switch (direction) {
                case DOWNSTREAM -> walker.walk(AdjacencyGraph.DOWN, limits);
                case UPSTREAM -> walker.walk(AdjacencyGraph.UP, limits);
                case BOTH ->
                    Bfs.union(
                            walker.walk(AdjacencyGraph.UP, limits),
                            walker.walk(AdjacencyGraph.DOWN, limits),
                            limits.maxNodes(),
                            Node.ORDER);
            };
            return new DatasetWalks.Found(
                    walk, walker.details, walker.otherNames(walk.nodes().keySet()));
        });
        if (found == null) {
            // Not in the index as a live node: the database decides (NOT_FOUND as the Cypher walks answer it, or a
            // node the index has not heard of yet, which Cypher walks).
            hops.start(key, null);
        }
        return found;
    }

    /** What a walk shows on a node: impact lists owners only; null when there is nothing to show. */
    private static Details details(AdjacencyGraph graph, int v, boolean lineage) {
        List<String> owners = graph.owners(v);
        if (!lineage) {
            return owners.isEmpty() ? null : new Details(null, owners, null, null, null, null);
        }
        NodeDetails d = graph.details(v);
        return new Details(d.description(), owners, d.jobType(), d.integration(), d.latestRunId(), d.latestRunState());
    }

    /** Growable ints in the order added. */
    private static final class IntList {
        int[] values = new int[16];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** One walk's state over the index: symlink groups resolved as reached (shared by both directions). */
    private static final class Walker {

        private final AdjacencyGraph graph;
        private final int start;
        private final boolean lineage;
        private final Map<Integer, Integer> representative = new HashMap<>();
        private final Map<Integer, int[]> members = new HashMap<>();
        /** What is shown on each node kept, by element id (as the walk reaches it: no lookup back from the id). */
        final Map<String, Details> details = new HashMap<>();

        Walker(AdjacencyGraph graph, int start, boolean lineage) {
            this.graph = graph;
            this.start = start;
            this.lineage = lineage;
        }

        Bfs.Walk<Node, Void> walk(int direction, Limits limits) {
            boolean downstream = direction == AdjacencyGraph.DOWN;
            var nodes = new LinkedHashMap<String, Bfs.Reached<Node>>();
            var edges = new LinkedHashSet<Bfs.Edge<Void>>();
            var visited = new BitSet(graph.size());
            var queued = new BitSet(graph.size());
            int first = representative(start);
            visited.set(first);
            keep(nodes, first, 0);
            int[] frontier = {first};
            boolean truncated = false;
            int distance = 0;
            while (!truncated && frontier.length > 0 && distance < limits.depth()) {
                if (limits.expired()) {
                    return new Bfs.Walk<>(nodes, edges, true);
                }
                distance++;
                // Impact shows no edges: its hops are not kept.
                List<long[]> hops = lineage ? new ArrayList<>() : null;
                var found = new IntList();
                for (int near : frontier) {
                    expand(direction, near, far -> {
                        if (hops != null) {
                            hops.add(new long[] {near, far});
                        }
                        if (!visited.get(far) && !queued.get(far)) {
                            queued.set(far);
                            found.add(far);
                        }
                    });
                }
                int[] admitted = found.toArray();
                for (int v : admitted) {
                    queued.clear(v);
                }
                int room = limits.maxNodes() - nodes.size();
                if (admitted.length > room) {
                    admitted = IntStream.of(admitted)
                            .boxed()
                            .sorted(Comparator.comparing(this::node, Node.ORDER))
                            .limit(Math.max(room, 0))
                            .mapToInt(Integer::intValue)
                            .toArray();
                }
                for (int v : admitted) {
                    visited.set(v);
                    keep(nodes, v, distance);
                }
                truncated = admitted.length < found.size;
                frontier = admitted;
                if (hops == null) {
                    continue;
                }
                for (long[] hop : hops) {
                    int near = (int) hop[0];
                    int far = (int) hop[1];
                    if (visited.get(far)) {
                        String a = graph.elementId(near);
                        String b = graph.elementId(far);
                        edges.add(downstream ? new Bfs.Edge<>(a, b, null) : new Bfs.Edge<>(b, a, null));
                    }
                }
            }
            if (!truncated && frontier.length > 0) {
                // Stopped by the depth cap: truncated only if something unvisited lies one hop further.
                boolean[] further = {limits.expired()};
                for (int near : frontier) {
                    if (further[0]) {
                        break;
                    }
                    expand(direction, near, far -> further[0] |= !visited.get(far));
                }
                truncated = further[0];
            }
            return new Bfs.Walk<>(nodes, edges, truncated);
        }

        private void keep(Map<String, Bfs.Reached<Node>> nodes, int v, int distance) {
            String id = graph.elementId(v);
            nodes.put(id, new Bfs.Reached<>(node(v), distance));
            Details d = IndexWalks.details(graph, v, lineage);
            if (d != null) {
                details.put(id, d);
            }
        }

        /** The representatives one hop from {@code near} (a representative), over every name of its group. */
        private void expand(int direction, int near, java.util.function.IntConsumer far) {
            int[] names = members.get(near);
            if (names == null) {
                names = new int[] {near};
            }
            for (int member : names) {
                graph.forEachNeighbour(direction, member, x -> {
                    if (graph.deleted(x)) {
                        return;
                    }
                    int rep = representative(x);
                    if (rep != near) {
                        far.accept(rep);
                    }
                });
            }
        }

        private Node node(int v) {
            return new Node(graph.job(v) ? NodeKind.JOB : NodeKind.DATASET, graph.namespace(v), graph.name(v));
        }

        /**
         * The node a dataset stands for: the walk's start if it is one of its names, else the first name in the
         * identity order. The group is what identity-datasets.cypher reads: the datasets up to 8 symlinks away either
         * way (through deleted ones too), deleted ones left out.
         */
        private int representative(int v) {
            if (graph.job(v) || graph.degree(AdjacencyGraph.SYMLINK, v) == 0) {
                return v; // most nodes: no symlinks, their own representative (nothing to remember)
            }
            Integer known = representative.get(v);
            if (known != null) {
                return known;
            }
            int[] group = graph.symlinkGroup(v);
            if (group.length <= 1) {
                representative.put(v, v);
                return v;
            }
            int rep = group[0];
            for (int m : group) {
                if (m == start) {
                    rep = m;
                    break;
                }
                if (before(m, rep)) {
                    rep = m;
                }
            }
            for (int m : group) {
                representative.put(m, rep);
            }
            members.put(rep, group);
            return rep;
        }

        /** As IdentityGroups: declaring members first, then by namespace, name and element id. */
        private boolean before(int a, int b) {
            if (graph.declares(a) != graph.declares(b)) {
                return graph.declares(a);
            }
            int c = graph.namespace(a).compareTo(graph.namespace(b));
            if (c == 0) {
                c = graph.name(a).compareTo(graph.name(b));
            }
            if (c == 0) {
                c = graph.elementId(a).compareTo(graph.elementId(b));
            }
            return c < 0;
        }

        /** The other names of each representative kept, sorted, as {@link IdentityGroups#otherNames}. */
        Map<String, List<DatasetName>> otherNames(Collection<String> kept) {
            var names = new HashMap<String, List<DatasetName>>();
            members.forEach((rep, group) -> {
                String id = graph.elementId(rep);
                if (!kept.contains(id)) {
                    return;
                }
                List<DatasetName> others = java.util.Arrays.stream(group)
                        .filter(m -> m != rep)
                        .mapToObj(m -> new DatasetName(graph.namespace(m), graph.name(m)))
                        .distinct()
                        .sorted(Comparator.comparing(DatasetName::namespace).thenComparing(DatasetName::name))
                        .toList();
                if (!others.isEmpty()) {
                    names.put(id, others);
                }
            });
            return names;
        }
    }
}
