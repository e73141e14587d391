package io.tributary.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A walk that one statement streams nearest first (a pruning breadth-first expand: each node once, at its shortest
 * distance, distances never decreasing), read with the same answer as the level-by-level {@link Bfs}: all nodes of
 * the levels that fit, the first ones in {@code order} of the level where {@code maxNodes} is reached, nothing past
 * the depth cap, {@code truncated} when a cap left out a reachable node. Reading stops as soon as the answer is
 * known (the first row past the depth cap, or of the level after the one where the cap was reached), which stops the
 * database's expand too. That relies on the rows coming level by level, starting at the start (distance 0): a row
 * out of that order is an error, not a silently wrong answer.
 *
 * <p>Edges are those the level-by-level walk would have found: from every node of a level that was expanded (below
 * the level where the walk stopped) to its neighbours that made it into the answer.
 */
final class NearestFirst {

    private NearestFirst() {}

    /**
     * One node as the statement streams it. {@code next} are its neighbours in the walk's direction (element ids), or
     * null when the caller wants no edges.
     */
    record Row<N>(String id, N node, int distance, List<String> next) {}

    static <N> Bfs.Walk<N, Void> read(Iterator<Row<N>> rows, boolean downstream, Limits limits, Comparator<N> order) {
        var read = new ArrayList<Row<N>>();
        boolean pastDepth = false;
        boolean pastCut = false;
        boolean expired = false;
        int level = -1;
        while (rows.hasNext()) {
            Row<N> row = rows.next();
            if (row.distance() != level) {
                if (row.distance() != level + 1) {
                    // Stopping early is only right if the plan streams breadth first; WalkPlanTest pins that plan.
                    throw new IllegalStateException(
                            "walk rows not nearest first: distance " + row.distance() + " after " + level);
                }
                // Every level below this row's is complete.
                level = row.distance();
                if (level > limits.depth()) {
                    pastDepth = true;
                    break;
                }
                if (read.size() >= limits.maxNodes()) {
                    pastCut = true;
                    break;
                }
                if (level > 0 && limits.expired()) {
                    expired = true;
                    break;
                }
            }
            read.add(row);
        }
        return admit(read, downstream, limits, order, pastDepth, pastCut, expired ? level - 1 : -1);
    }

    /** Keeps the levels that fit, nearest first; {@code expiredAt} is the last complete level when time ran out. */
    private static <N> Bfs.Walk<N, Void> admit(
            List<Row<N>> read,
            boolean downstream,
            Limits limits,
            Comparator<N> order,
            boolean pastDepth,
            boolean pastCut,
            int expiredAt) {
        var nodes = new LinkedHashMap<String, Bfs.Reached<N>>();
        var kept = new ArrayList<Row<N>>();
        int stop = -1;
        int from = 0;
        while (from < read.size()) {
            int distance = read.get(from).distance();
            int to = from;
            while (to < read.size() && read.get(to).distance() == distance) {
                to++;
            }
            List<Row<N>> levelRows = read.subList(from, to);
            int room = limits.maxNodes() - nodes.size();
            if (levelRows.size() > room) {
                levelRows = new ArrayList<>(levelRows);
                levelRows.sort(Comparator.comparing(Row::node, order));
                levelRows = levelRows.subList(0, room);
                stop = distance;
            }
            for (Row<N> row : levelRows) {
                nodes.put(row.id(), new Bfs.Reached<>(row.node(), row.distance()));
                kept.add(row);
            }
            if (stop >= 0) {
                break;
            }
            from = to;
        }
        boolean truncated = stop >= 0 || pastDepth || pastCut || expiredAt >= 0;
        if (stop < 0) {
            // The level-by-level walk expands every level but one: the cut or the depth cap's, or the last complete
            // one when time ran out (the depth cap's otherwise, which no node passes).
            int last = kept.isEmpty() ? 0 : kept.getLast().distance();
            stop = pastCut ? last + 1 : expiredAt >= 0 ? expiredAt : limits.depth();
        }
        var edges = new LinkedHashSet<Bfs.Edge<Void>>();
        for (Row<N> row : kept) {
            if (row.distance() >= stop || row.next() == null) {
                continue;
            }
            for (String neighbour : row.next()) {
                if (nodes.containsKey(neighbour)) {
                    edges.add(
                            downstream
                                    ? new Bfs.Edge<>(row.id(), neighbour, null)
                                    : new Bfs.Edge<>(neighbour, row.id(), null));
                }
            }
        }
        return new Bfs.Walk<>(nodes, edges, truncated);
    }
}
