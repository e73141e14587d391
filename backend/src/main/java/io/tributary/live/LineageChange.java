package io.tributary.live;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The GraphQL {@code LineageChange}: what changed about one node of a lineage graph.
 *
 * @param reasons {@code RUN_STATE} and/or {@code NEW_EDGE}
 * @param newEdges edges to or from the node reported for the first time
 */
record LineageChange(
        String node,
        String kind,
        String namespace,
        String name,
        List<String> reasons,
        String latestRunId,
        String latestRunState,
        List<Edge> newEdges,
        OffsetDateTime time) {

    /** The GraphQL {@code LineageEdge}, in the direction data flows; an edge just reported is never history. */
    record Edge(String from, String to, boolean history) {

        Edge(String from, String to) {
            this(from, to, false);
        }
    }
}
