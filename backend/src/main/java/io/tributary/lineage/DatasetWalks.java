package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import io.tributary.store.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.springframework.stereotype.Repository;

/**
 * Dataset and job walks on the current graph, each in ONE read transaction: one streamed statement per direction
 * ({@code cypher/read/lineage/walk/}, read by {@link NearestFirst}) that also brings each node's documentation, then
 * the latest runs of the jobs kept. Walks at a past time ({@code asOf}) apply per-edge run rules and stay level by
 * level ({@link DatasetHops}).
 */
@Repository
class DatasetWalks {

    /** A walk with the details of its nodes, by element id. */
    record Found(Bfs.Walk<Node, Void> walk, Map<String, Details> details) {}

    private final GraphStore store;

    DatasetWalks(GraphStore store) {
        this.store = store;
    }

    /** Lineage in the given direction(s), with edges and details; NOT_FOUND when the start does not exist. */
    Found lineage(NodeRef ref, Direction direction, Limits limits) {
        String kind = kind(ref);
        return store.readTransaction(reads -> {
            var details = new HashMap<String, Details>();
            Bfs.Walk<Node, Void> walk = switch (direction) {
                case DOWNSTREAM -> walk(reads, ref, kind + "-downstream", true, limits, details);
                case UPSTREAM -> walk(reads, ref, kind + "-upstream", false, limits, details);
                case BOTH ->
                    Bfs.union(
                            walk(reads, ref, kind + "-upstream", false, limits, details),
                            walk(reads, ref, kind + "-downstream", true, limits, details),
                            limits.maxNodes(),
                            Node.ORDER);
            };
            addLatestRuns(reads, walk, details);
            return new Found(walk, details);
        });
    }

    /** Everything downstream, nearest first, with owners only (no edges, no runs): what impact analysis needs. */
    Found impact(NodeRef ref, Limits limits) {
        String kind = kind(ref);
        return store.readTransaction(reads -> {
            var details = new HashMap<String, Details>();
            return new Found(walk(reads, ref, kind + "-impact", true, limits, details), details);
        });
    }

    private static String kind(NodeRef ref) {
        return switch (ref.kind()) {
            case DATASET -> "dataset";
            case JOB -> "job";
            case FIELD ->
                throw new IllegalArgumentException("lineage walks datasets and jobs; use columnLineage for a FIELD");
        };
    }

    private static Bfs.Walk<Node, Void> walk(
            GraphStore.Reads reads,
            NodeRef ref,
            String statement,
            boolean downstream,
            Limits limits,
            Map<String, Details> details) {
        return reads.read(
                "read/lineage/walk/" + statement, Map.of("namespace", ref.namespace(), "name", ref.name()), result -> {
                    if (!result.hasNext()) {
                        throw new NodeNotFoundException(ref);
                    }
                    Bfs.Walk<Node, Void> walk =
                            NearestFirst.read(rows(result, details), downstream, limits, Node.ORDER);
                    result.consume(); // discards what was not read: the expand stops here
                    return walk;
                });
    }

    /** The result's rows as they are read (not before), noting each node's details on the way. */
    private static Iterator<NearestFirst.Row<Node>> rows(Result result, Map<String, Details> details) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return result.hasNext();
            }

            @Override
            public NearestFirst.Row<Node> next() {
                Record r = result.next();
                String id = r.get("id").asString();
                details.put(
                        id,
                        new Details(
                                Rows.string(r.get("description")),
                                Rows.strings(r.get("owners")),
                                Rows.string(r.get("jobType")),
                                Rows.string(r.get("integration")),
                                null,
                                null));
                List<String> next = r.containsKey("next") ? Rows.strings(r.get("next")) : null;
                return new NearestFirst.Row<>(
                        id,
                        new Node(
                                r.get("job").asBoolean() ? NodeKind.JOB : NodeKind.DATASET,
                                r.get("namespace").asString(),
                                r.get("name").asString()),
                        r.get("distance").asInt(),
                        next);
            }
        };
    }

    private static void addLatestRuns(GraphStore.Reads reads, Bfs.Walk<Node, Void> walk, Map<String, Details> details) {
        var jobs = new ArrayList<Map<String, Object>>();
        walk.nodes().forEach((id, reached) -> {
            if (reached.node().kind() == NodeKind.JOB) {
                jobs.add(Map.of(
                        "id",
                        id,
                        "namespace",
                        reached.node().namespace(),
                        "name",
                        reached.node().name()));
            }
        });
        if (jobs.isEmpty()) {
            return;
        }
        reads.read("read/lineage/latest-runs", Map.of("jobs", jobs), result -> {
            result.forEachRemaining(r -> details.computeIfPresent(
                    r.get("id").asString(),
                    (id, d) -> new Details(
                            d.description(),
                            d.owners(),
                            d.jobType(),
                            d.integration(),
                            Rows.string(r.get("runId")),
                            Rows.string(r.get("runState")))));
            return null;
        });
    }
}
