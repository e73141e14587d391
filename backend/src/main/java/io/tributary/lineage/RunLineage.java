package io.tributary.lineage;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.entity.DatasetVersionView;
import io.tributary.lineage.index.AdjacencyGraph;
import io.tributary.lineage.index.LineageIndex;
import io.tributary.lineage.index.RunGraph;
import io.tributary.problem.NotFoundException;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Run-level lineage: run → the dataset version it read → the run that wrote that version, and onward (downstream: run
 * → version it wrote → runs that read that version). Which version a run read is resolved at read time
 * ({@code read/lineage/run/*}, the rule of {@code read/run/inputs}), so the answer does not depend on the order events
 * arrived in. Walked by {@link Bfs} under the same limits as {@code lineage}: each run once at its shortest distance,
 * depth, maxNodes and the traversal deadline, with {@code truncated}. With the lineage index loaded, the levels are
 * read from its run graph ({@link RunGraph}, the same rule) and only the versions crossed from the database.
 */
@Service
public class RunLineage {

    /** A run of the walk; {@code sortTime} orders which runs are kept when a level overflows (newest first). */
    record RunNode(String runId, OffsetDateTime sortTime) {}

    /** The answer: runs with their distance from the start, and edges from writer to reader, each with its version. */
    public record Graph(List<Node> nodes, List<Edge> edges, boolean truncated) {}

    public record Node(String runId, int distance) {}

    public record Edge(String from, String to, DatasetVersionView version) {}

    private record Start(String runId) {}

    /** A dataset version by its key, as run/versions.cypher looks it up. */
    private record VersionKey(String namespace, String dataset, String runId) {}

    private record VersionKeys(List<VersionKey> keys) {}

    private record KeyedEdge(String from, String to, VersionKey version) {}

    private record IndexWalk(Map<String, Bfs.Reached<RunNode>> nodes, List<KeyedEdge> edges, boolean truncated) {}

    private record Level(List<String> frontier, Collection<String> exclude, int limit) {}

    /** By instant (not offset), so that the index's UTC times order as the database's do. */
    private static final Comparator<RunNode> NEWEST_FIRST = Comparator.comparing(
                    RunNode::sortTime,
                    Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant, Comparator.reverseOrder())))
            .thenComparing(RunNode::runId);

    private final GraphStore store;
    private final LineageProperties properties;
    private final LineageIndex index;
    private final MeterRegistry meters;

    RunLineage(GraphStore store, LineageProperties properties, LineageIndex index, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.index = index;
        this.meters = meters;
    }

    Graph runLineage(String runId, Direction direction, int depth, int maxNodes) {
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        Found start = start(runId);
        Graph onIndex = onIndex(index.ready(), start, direction, limits);
        meters.counter(
                        "tributary.lineage.index.walks",
                        "kind",
                        "runLineage",
                        "via",
                        onIndex != null ? "index" : "cypher")
                .increment();
        return onIndex != null ? onIndex : onCypher(start.node(), direction, limits);
    }

    /** As {@link #runLineage} on the loaded index whether or not walks use it (the equivalence tests); or null. */
    Graph runLineageOnLoaded(String runId, Direction direction, int depth, int maxNodes) {
        return onIndex(index.loaded(), start(runId), direction, Limits.of(depth, maxNodes, properties.deadline()));
    }

    private record Found(String elementId, RunNode node) {}

    private Found start(String runId) {
        Found start = store.read("read/lineage/run/start", Parameters.of(new Start(runId)), result -> {
            if (!result.hasNext()) {
                return null;
            }
            var r = result.next();
            return new Found(
                    r.get("id").asString(),
                    new RunNode(r.get("runId").asString(), DriverValues.time(r.get("sortTime"))));
        });
        if (start == null) {
            throw new NotFoundException("No run " + runId + " is known");
        }
        return start;
    }

    private Graph onCypher(RunNode start, Direction direction, Limits limits) {
        Map<String, RunNode> starts = Map.of(start.runId(), start);
        Bfs.Walk<RunNode, DatasetVersionView> walk = switch (direction) {
            case UPSTREAM -> Bfs.walk(starts, expander("read/lineage/run/upstream"), false, limits, NEWEST_FIRST);
            case DOWNSTREAM -> Bfs.walk(starts, expander("read/lineage/run/downstream"), true, limits, NEWEST_FIRST);
            case BOTH ->
                Bfs.both(
                        () -> Bfs.walk(starts, expander("read/lineage/run/upstream"), false, limits, NEWEST_FIRST),
                        () -> Bfs.walk(starts, expander("read/lineage/run/downstream"), true, limits, NEWEST_FIRST),
                        limits.maxNodes(),
                        NEWEST_FIRST);
        };
        var edges = new ArrayList<Edge>(walk.edges().size());
        walk.edges().forEach(edge -> edges.add(new Edge(edge.from(), edge.to(), edge.data())));
        return graph(walk.nodes(), edges, walk.truncated());
    }

    /**
     * The walk on the index's run graph, from a start it holds; null when it cannot answer (not loaded, or the start or
     * a crossed version is not there yet: the database decides then).
     */
    private Graph onIndex(AdjacencyGraph graph, Found start, Direction direction, Limits limits) {
        if (graph == null) {
            return null;
        }
        IndexWalk walk = graph.read(() -> {
            int s = graph.run(start.elementId());
            if (s < 0) {
                return null;
            }
            RunGraph runs = graph.runs();
            var known = new HashMap<String, Integer>();
            known.put(start.node().runId(), s);
            Map<String, RunNode> starts = Map.of(start.node().runId(), start.node());
            Bfs.Walk<RunNode, Integer> found = switch (direction) {
                case UPSTREAM -> Bfs.walk(starts, hops(runs, known, false), false, limits, NEWEST_FIRST);
                case DOWNSTREAM -> Bfs.walk(starts, hops(runs, known, true), true, limits, NEWEST_FIRST);
                case BOTH ->
                    Bfs.union(
                            Bfs.walk(starts, hops(runs, known, false), false, limits, NEWEST_FIRST),
                            Bfs.walk(starts, hops(runs, known, true), true, limits, NEWEST_FIRST),
                            limits.maxNodes(),
                            NEWEST_FIRST);
            };
            var edges = new ArrayList<KeyedEdge>(found.edges().size());
            for (Bfs.Edge<Integer> e : found.edges()) {
                int v = e.data();
                int dataset = runs.versionDataset(v);
                edges.add(new KeyedEdge(
                        e.from(),
                        e.to(),
                        new VersionKey(graph.namespace(dataset), graph.name(dataset), runs.runId(runs.versionRun(v)))));
            }
            return new IndexWalk(found.nodes(), edges, found.truncated());
        });
        if (walk == null) {
            return null;
        }
        Map<VersionKey, DatasetVersionView> versions = versions(walk.edges());
        var edges = new ArrayList<Edge>(walk.edges().size());
        for (KeyedEdge e : walk.edges()) {
            DatasetVersionView version = versions.get(e.version());
            if (version == null) {
                return null;
            }
            edges.add(new Edge(e.from(), e.to(), version));
        }
        return graph(walk.nodes(), edges, walk.truncated());
    }

    /** One level of the index walk; {@code known} maps each run id reached to its dense id. */
    private static Bfs.Expander<RunNode, Integer> hops(RunGraph runs, Map<String, Integer> known, boolean downstream) {
        return (frontier, exclude, limit) -> {
            var hops = new ArrayList<Bfs.Hop<RunNode, Integer>>();
            for (String near : frontier) {
                RunGraph.Hops add = (far, version) -> {
                    String farId = runs.runId(far);
                    if (exclude == null || !exclude.contains(farId)) {
                        known.put(farId, far);
                        hops.add(new Bfs.Hop<>(near, farId, new RunNode(farId, time(runs.sortTime(far))), version));
                    }
                };
                if (downstream) {
                    runs.downstream(known.get(near), add);
                } else {
                    runs.upstream(known.get(near), add);
                }
            }
            return hops;
        };
    }

    private static OffsetDateTime time(long nanos) {
        return nanos == RunGraph.NONE
                ? null
                : OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC);
    }

    private Map<VersionKey, DatasetVersionView> versions(List<KeyedEdge> edges) {
        Set<VersionKey> keys = new LinkedHashSet<>();
        edges.forEach(e -> keys.add(e.version()));
        if (keys.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<VersionKey, DatasetVersionView>();
        store.read(
                        "read/lineage/run/versions",
                        Parameters.of(new VersionKeys(List.copyOf(keys))),
                        result -> result.list(r -> DatasetVersionView.from(r.get("version"))))
                .forEach(v -> found.put(new VersionKey(v.namespace(), v.name(), v.runId()), v));
        return found;
    }

    private static Graph graph(Map<String, Bfs.Reached<RunNode>> reached, List<Edge> edges, boolean truncated) {
        var nodes = new ArrayList<Node>(reached.size());
        reached.forEach((id, r) -> nodes.add(new Node(id, r.distance())));
        nodes.sort(Comparator.comparingInt(Node::distance).thenComparing(Node::runId));
        edges.sort(Comparator.comparing(Edge::from)
                .thenComparing(Edge::to)
                .thenComparing(e -> e.version().namespace())
                .thenComparing(e -> e.version().name()));
        return new Graph(nodes, edges, truncated);
    }

    private Bfs.Expander<RunNode, DatasetVersionView> expander(String statement) {
        return (frontier, exclude, limit) -> store.read(
                statement,
                Parameters.of(new Level(frontier, exclude == null ? List.of() : List.copyOf(exclude), limit)),
                result -> result.list(r -> new Bfs.Hop<>(
                        r.get("near").asString(),
                        r.get("far").asString(),
                        new RunNode(r.get("far").asString(), DriverValues.time(r.get("farTime"))),
                        DatasetVersionView.from(r.get("version")))));
    }
}
