package io.tributary.alert;

import java.util.List;

/**
 * Who and what an incident reaches downstream: counts of everything, the nearest nodes (at most {@link #LISTED} of
 * each kind) and every owner with what they own.
 */
public record ImpactSummary(
        int datasetCount,
        int jobCount,
        int columnCount,
        List<Node> datasets,
        List<Node> jobs,
        List<Node> columns,
        List<Owner> owners,
        boolean truncated) {

    /** Nodes listed per kind; the counts cover all. */
    static final int LISTED = 50;

    static final ImpactSummary NONE = new ImpactSummary(0, 0, 0, List.of(), List.of(), List.of(), List.of(), false);

    /** An impacted dataset, job or column (with {@code field}), as in the API's ImpactedNode. */
    public record Node(
            String id, String kind, String namespace, String name, String field, int distance, List<String> owners) {}

    /**
     * An owner to tell and how much of the impact is theirs.
     *
     * @param nodes the ids of the first nodes they own, nearest first
     */
    public record Owner(String name, int datasetCount, int jobCount, int columnCount, List<String> nodes) {}
}
