package io.tributary.lineage;

import io.tributary.entity.DatasetVersionView;
import io.tributary.problem.NotFoundException;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Run-level lineage: run → the dataset version it read → the run that wrote that version, and onward (downstream: run
 * → version it wrote → runs that read that version). Which version a run read is resolved at read time
 * ({@code read/lineage/run/*}, the rule of {@code read/run/inputs}), so the answer does not depend on the order events
 * arrived in. Walked by {@link Bfs} under the same limits as {@code lineage}: each run once at its shortest distance,
 * depth, maxNodes and the traversal deadline, with {@code truncated}.
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

    private record Level(List<String> frontier, Collection<String> exclude, int limit) {}

    private static final Comparator<RunNode> NEWEST_FIRST = Comparator.comparing(
                    RunNode::sortTime, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(RunNode::runId);

    private final GraphStore store;
    private final LineageProperties properties;

    RunLineage(GraphStore store, LineageProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    Graph runLineage(String runId, Direction direction, int depth, int maxNodes) {
        Limits limits = Limits.of(depth, maxNodes, properties.deadline());
        RunNode start = store.read("read/lineage/run/start", Parameters.of(new Start(runId)), result -> {
            if (!result.hasNext()) {
                return null;
            }
            var r = result.next();
            return new RunNode(r.get("runId").asString(), DriverValues.time(r.get("sortTime")));
        });
        if (start == null) {
            throw new NotFoundException("No run " + runId + " is known");
        }
        Map<String, RunNode> starts = Map.of(runId, start);
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
        var nodes = new ArrayList<Node>(walk.nodes().size());
        walk.nodes().forEach((id, reached) -> nodes.add(new Node(id, reached.distance())));
        nodes.sort(Comparator.comparingInt(Node::distance).thenComparing(Node::runId));
        var edges = new ArrayList<Edge>(walk.edges().size());
        walk.edges().forEach(edge -> edges.add(new Edge(edge.from(), edge.to(), edge.data())));
        edges.sort(Comparator.comparing(Edge::from)
                .thenComparing(Edge::to)
                .thenComparing(e -> e.version().namespace())
                .thenComparing(e -> e.version().name()));
        return new Graph(nodes, edges, walk.truncated());
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
