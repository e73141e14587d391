package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.springframework.stereotype.Repository;

/**
 * Dataset and job walks on the current graph (or, with {@code since}, on every edge seen since then): ONE streamed statement per direction ({@code cypher/read/lineage/walk/},
 * read by {@link NearestFirst}) that also brings each node's documentation and, for jobs, the latest run. Walks at a
 * past time ({@code asOf}) apply per-edge run rules and stay level by level ({@link DatasetHops}).
 */
@Repository
class DatasetWalks {

    /**
     * A walk with the details of its nodes and the other names of those that have some (symlinks), by element id.
     */
    record Found(Bfs.Walk<Node, Void> walk, Map<String, Details> details, Map<String, List<DatasetName>> otherNames) {

        Found(Bfs.Walk<Node, Void> walk, Map<String, Details> details) {
            this(walk, details, Map.of());
        }
    }

    /** A streamed walk, and whether a node it read has other names (so that the identity step must run). */
    private record Streamed(Found found, boolean aliased) {}

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    private final GraphStore store;
    private final IdentityWalk identityWalk;
    private final IndexWalks indexWalks;

    DatasetWalks(GraphStore store, IdentityWalk identityWalk, IndexWalks indexWalks) {
        this.store = store;
        this.identityWalk = identityWalk;
        this.indexWalks = indexWalks;
    }

    /**
     * Lineage in the given direction(s), with edges and details; NOT_FOUND when the start does not exist. Both ways,
     * the upstream walk runs on a virtual thread in its own transaction while this thread walks downstream: two
     * independent round trips overlap, as the level-by-level walk's two chains did. A walk that reads a node with
     * symlinks is walked again level by level with the identity step ({@link IdentityWalk}): the streamed expand
     * cannot treat two names as one node, and walks without symlinks (most) keep their single statement.
     */
    Found lineage(NodeRef ref, Direction direction, Limits limits, OffsetDateTime since) {
        // The index holds the current graph only: a window (since) is Cypher's.
        if (since == null) {
            Found indexed = indexWalks.lineage(ref, direction, limits);
            if (indexed != null) {
                return indexed;
            }
        }
        return cypherLineage(ref, direction, limits, since);
    }

    /** Lineage by the Cypher walks alone: the fallback of the index walk, and its oracle in tests. */
    Found cypherLineage(NodeRef ref, Direction direction, Limits limits, OffsetDateTime since) {
        Streamed streamed = streamed(ref, direction, limits, since);
        return streamed.aliased() ? identityWalk.walk(ref, direction, limits, null, since) : streamed.found();
    }

    private Streamed streamed(NodeRef ref, Direction direction, Limits limits, OffsetDateTime since) {
        String kind = kind(ref);
        return switch (direction) {
            case DOWNSTREAM -> walk(ref, kind + "-downstream", true, limits, since);
            case UPSTREAM -> walk(ref, kind + "-upstream", false, limits, since);
            case BOTH -> {
                CompletableFuture<Streamed> up = CompletableFuture.supplyAsync(
                        () -> walk(ref, kind + "-upstream", false, limits, since), BACKGROUND);
                Streamed down = walk(ref, kind + "-downstream", true, limits, since);
                Streamed upstream;
                try {
                    upstream = up.join();
                } catch (CompletionException e) {
                    // Rethrow what the walk threw (NOT_FOUND, a timeout), as a one-way walk would.
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
                var details = new HashMap<String, Details>(upstream.found().details());
                details.putAll(down.found().details());
                yield new Streamed(
                        new Found(
                                Bfs.union(upstream.found().walk(), down.found().walk(), limits.maxNodes(), Node.ORDER),
                                details),
                        upstream.aliased() || down.aliased());
            }
        };
    }

    private Streamed walk(NodeRef ref, String statement, boolean downstream, Limits limits, OffsetDateTime since) {
        return store.readTransaction(fetchSize(limits), reads -> {
            var details = new HashMap<String, Details>();
            var aliased = new boolean[1];
            var walk = walk(reads, ref, statement, downstream, limits, since, details, aliased);
            return new Streamed(new Found(walk, details), aliased[0]);
        });
    }

    /**
     * Everything downstream, nearest first, with owners only (no edges, no runs): what impact analysis needs. Across
     * symlinks as {@link #lineage}.
     */
    Found impact(NodeRef ref, Limits limits) {
        Found indexed = indexWalks.impact(ref, limits);
        return indexed != null ? indexed : cypherImpact(ref, limits);
    }

    /** Impact by the Cypher walks alone: the fallback of the index walk, and its oracle in tests. */
    Found cypherImpact(NodeRef ref, Limits limits) {
        Streamed streamed = walk(ref, kind(ref) + "-impact", true, limits, null);
        return streamed.aliased() ? identityWalk.walk(ref, Direction.DOWNSTREAM, limits, null, null) : streamed.found();
    }

    /**
     * Records pulled per batch: the database runs ahead of the reader by up to one batch, which a walk that stops at
     * a small depth would waste (1,000 rows computed for a 100-node answer), while a large answer wants few round
     * trips. A quarter of the node cap, between 100 and 2,000.
     */
    static int fetchSize(Limits limits) {
        return Math.clamp(limits.maxNodes() / 4, 100, 2_000);
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
            OffsetDateTime since,
            Map<String, Details> details,
            boolean[] aliased) {
        var parameters = new HashMap<String, Object>();
        parameters.put("namespace", ref.namespace());
        parameters.put("name", ref.name());
        parameters.put("since", since);
        return reads.read("read/lineage/walk/" + statement, parameters, result -> {
            if (!result.hasNext()) {
                throw new NodeNotFoundException(ref);
            }
            Bfs.Walk<Node, Void> walk =
                    NearestFirst.read(rows(result, details, aliased), downstream, limits, Node.ORDER);
            result.consume(); // discards what was not read: the expand stops here
            return walk;
        });
    }

    /**
     * The result's rows as they are read (not before), noting each node's details on the way, and whether any has
     * other names (every row read counts: a cut level's left-out nodes could have changed with their groups).
     */
    private static Iterator<NearestFirst.Row<Node>> rows(
            Result result, Map<String, Details> details, boolean[] aliased) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return result.hasNext();
            }

            @Override
            public NearestFirst.Row<Node> next() {
                Record r = result.next();
                String id = r.get("id").asString();
                aliased[0] |= r.get("aliased").asBoolean(false);
                details.put(
                        id,
                        new Details(
                                DriverValues.string(r.get("description")),
                                DriverValues.strings(r.get("owners")),
                                DriverValues.string(r.get("jobType")),
                                DriverValues.string(r.get("integration")),
                                r.containsKey("runId") ? DriverValues.string(r.get("runId")) : null,
                                r.containsKey("runState") ? DriverValues.string(r.get("runState")) : null));
                List<String> next = r.containsKey("next") ? DriverValues.strings(r.get("next")) : null;
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
}
