package io.tributary.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Level-by-level breadth-first traversal with a visited set: one batched query per level (the whole frontier at
 * once), each node kept once at its shortest distance. Paths are never enumerated, so a diamond-heavy graph costs what
 * its nodes and edges cost, not what its paths cost.
 *
 * <p>Nodes are keyed by Neo4j element id while walking; callers turn them into public ids at the end.
 */
final class Bfs {

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    private Bfs() {}

    /** An edge found by expanding the frontier: {@code near} is on the frontier, {@code far} is its neighbour. */
    record Hop<N, E>(String near, String far, N farNode, E edge) {}

    /** Asks the graph for the neighbours of a whole frontier in one go. */
    interface Expander<N, E> {
        /**
         * Edges from the frontier nodes in the walk's direction. With {@code exclude}, edges to those nodes are left
         * out; {@code limit} caps the rows, but an expander that filters rows after its query may ignore it, as long as
         * it returns at least one row whenever one qualifies.
         */
        List<Hop<N, E>> expand(List<String> frontier, Collection<String> exclude, int limit);
    }

    record Reached<N>(N node, int distance) {}

    /** An edge in the direction data flows: {@code from} is upstream of {@code to}. */
    record Edge<E>(String from, String to, E data) {}

    /**
     * What a walk found. {@code truncated} says a cap (node count, depth or deadline) left out nodes that are
     * reachable; a depth cap counts only when a node at the last distance still has an unvisited neighbour.
     */
    record Walk<N, E>(Map<String, Reached<N>> nodes, Set<Edge<E>> edges, boolean truncated) {}

    /**
     * Walks from the start nodes (distance 0). When a level brings more new nodes than there is room for, the first
     * ones in {@code order} are kept, so the answer is deterministic.
     */
    static <N, E> Walk<N, E> walk(
            Map<String, N> starts, Expander<N, E> expander, boolean downstream, Limits limits, Comparator<N> order) {
        var nodes = new LinkedHashMap<String, Reached<N>>();
        var edges = new LinkedHashSet<Edge<E>>();
        List<String> frontier = admit(starts, 0, limits.maxNodes(), order, nodes);
        boolean truncated = frontier.size() < starts.size();
        int distance = 0;
        while (!truncated && !frontier.isEmpty() && distance < limits.depth()) {
            if (limits.expired()) {
                return new Walk<>(nodes, edges, true);
            }
            distance++;
            List<Hop<N, E>> hops = expander.expand(frontier, null, Integer.MAX_VALUE);
            var found = new LinkedHashMap<String, N>();
            for (Hop<N, E> hop : hops) {
                if (!nodes.containsKey(hop.far())) {
                    found.putIfAbsent(hop.far(), hop.farNode());
                }
            }
            frontier = admit(found, distance, limits.maxNodes() - nodes.size(), order, nodes);
            truncated = frontier.size() < found.size();
            for (Hop<N, E> hop : hops) {
                if (nodes.containsKey(hop.far())) {
                    edges.add(
                            downstream
                                    ? new Edge<>(hop.near(), hop.far(), hop.edge())
                                    : new Edge<>(hop.far(), hop.near(), hop.edge()));
                }
            }
        }
        if (!truncated && !frontier.isEmpty()) {
            // Stopped by the depth cap: truncated only if something unvisited lies one hop further.
            truncated = limits.expired()
                    || !expander.expand(frontier, nodes.keySet(), 1).isEmpty();
        }
        return new Walk<>(nodes, edges, truncated);
    }

    private static <N> List<String> admit(
            Map<String, N> found, int distance, int room, Comparator<N> order, Map<String, Reached<N>> nodes) {
        List<Map.Entry<String, N>> candidates = new ArrayList<>(found.entrySet());
        if (candidates.size() > room) {
            candidates.sort(Map.Entry.comparingByValue(order));
            candidates = candidates.subList(0, Math.max(room, 0));
        }
        var admitted = new ArrayList<String>(candidates.size());
        for (var candidate : candidates) {
            nodes.put(candidate.getKey(), new Reached<>(candidate.getValue(), distance));
            admitted.add(candidate.getKey());
        }
        return admitted;
    }

    /**
     * Both directions: the two walks are independent chains of round trips to the database, so the upstream one runs
     * on a virtual thread while this thread walks downstream; the answer is their {@link #union}.
     */
    static <N, E> Walk<N, E> both(
            Supplier<Walk<N, E>> upstream, Supplier<Walk<N, E>> downstream, int maxNodes, Comparator<N> order) {
        CompletableFuture<Walk<N, E>> up = CompletableFuture.supplyAsync(upstream, BACKGROUND);
        Walk<N, E> down = downstream.get();
        try {
            return union(up.join(), down, maxNodes, order);
        } catch (CompletionException e) {
            // Rethrow what the walk threw, so that it maps to the same error as a one-way walk.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Both directions: the union of an upstream and a downstream walk from the same start, each node at its smaller
     * distance. If the union exceeds {@code maxNodes}, the nearest nodes are kept and the answer is truncated.
     */
    static <N, E> Walk<N, E> union(Walk<N, E> up, Walk<N, E> down, int maxNodes, Comparator<N> order) {
        var merged = new LinkedHashMap<String, Reached<N>>(up.nodes());
        down.nodes()
                .forEach((id, reached) -> merged.merge(id, reached, (a, b) -> a.distance() <= b.distance() ? a : b));
        boolean truncated = up.truncated() || down.truncated();
        Map<String, Reached<N>> kept = merged;
        if (merged.size() > maxNodes) {
            truncated = true;
            kept = new LinkedHashMap<>();
            List<Map.Entry<String, Reached<N>>> sorted = new ArrayList<>(merged.entrySet());
            sorted.sort(Map.Entry.comparingByValue(
                    Comparator.<Reached<N>>comparingInt(Reached::distance).thenComparing(Reached::node, order)));
            for (var entry : sorted.subList(0, maxNodes)) {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        var edges = new LinkedHashSet<Edge<E>>();
        for (Edge<E> edge : concat(up.edges(), down.edges())) {
            if (kept.containsKey(edge.from()) && kept.containsKey(edge.to())) {
                edges.add(edge);
            }
        }
        return new Walk<>(kept, edges, truncated);
    }

    private static <T> List<T> concat(Collection<T> a, Collection<T> b) {
        var all = new ArrayList<T>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
