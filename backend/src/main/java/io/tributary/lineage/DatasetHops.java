package io.tributary.lineage;

import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** The dataset and job graph at a past time: start lookups, one query per level, details at the end. */
@Repository
class DatasetHops {

    /** A dataset or job while walking; public ids and details are added once the walk is done. */
    record Node(NodeKind kind, String namespace, String name) {
        static final Comparator<Node> ORDER =
                Comparator.comparing(Node::kind).thenComparing(Node::namespace).thenComparing(Node::name);

        String id() {
            return NodeId.of(kind, namespace, name);
        }
    }

    /** What the UI shows on a node besides its identity; the run is the latest one (as of the walk's time). */
    record Details(
            String description,
            List<String> owners,
            String jobType,
            String integration,
            String latestRunId,
            String latestRunState) {

        static final Details NONE = new Details(null, List.of(), null, null, null, null);

        /** A row of the details statements (the Cypher walk's and the index's read the same columns). */
        static Details of(org.neo4j.driver.Record r) {
            return new Details(
                    DriverValues.string(r.get("description")),
                    DriverValues.strings(r.get("owners")),
                    DriverValues.string(r.get("jobType")),
                    DriverValues.string(r.get("integration")),
                    DriverValues.string(r.get("runId")),
                    DriverValues.string(r.get("runState")));
        }
    }

    private final GraphStore store;

    DatasetHops(GraphStore store) {
        this.store = store;
    }

    /** The start node's element id, or a {@link NodeNotFoundException} if it does not exist (or not yet at asOf). */
    Map<String, Node> start(NodeRef ref, OffsetDateTime asOf) {
        if (ref.kind() == NodeKind.FIELD) {
            throw new IllegalArgumentException("lineage walks datasets and jobs; use columnLineage for a FIELD");
        }
        String statement = ref.kind() == NodeKind.JOB ? "read/lineage/job" : "read/lineage/dataset";
        List<Record> rows =
                store.read(statement, Map.of("namespace", ref.namespace(), "name", ref.name()), r -> r.list());
        if (rows.isEmpty()) {
            throw new NodeNotFoundException(ref);
        }
        Record row = rows.getFirst();
        NodeNotFoundException.requireExistedAt(ref, row.get("firstSeen"), asOf);
        return Map.of(row.get("id").asString(), new Node(ref.kind(), ref.namespace(), ref.name()));
    }

    /**
     * Expands frontiers one level in the given direction as the graph stood at asOf, or on the current graph when asOf
     * is null (used by walks across symlinks; other walks of the current graph are one streamed statement each, see
     * {@link DatasetWalks}).
     */
    Bfs.Expander<Node, Void> expander(boolean downstream, OffsetDateTime asOf, OffsetDateTime since) {
        String statement = "read/lineage/" + (downstream ? "downstream" : "upstream") + (asOf == null ? "" : "-as-of");
        return (frontier, exclude, limit) -> {
            return store.read(
                    statement,
                    Parameters.of(new Expansion(frontier, exclude, limit, asOf, since)),
                    result -> result.list(r -> new Bfs.Hop<Node, Void>(
                            r.get("near").asString(),
                            r.get("far").asString(),
                            new Node(
                                    r.get("job").asBoolean() ? NodeKind.JOB : NodeKind.DATASET,
                                    r.get("namespace").asString(),
                                    r.get("name").asString()),
                            null)));
        };
    }

    private record DetailsOf(Collection<String> ids, OffsetDateTime asOf) {}

    /** Details of all given nodes in one query, by element id. */
    Map<String, Details> details(Collection<String> elementIds, OffsetDateTime asOf) {
        return store.read("read/lineage/details", Parameters.of(new DetailsOf(elementIds, asOf)), result -> {
            var details = new HashMap<String, Details>();
            result.forEachRemaining(r -> details.put(r.get("id").asString(), Details.of(r)));
            return details;
        });
    }
}
