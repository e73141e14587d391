package io.tributary.lineage;

import org.springframework.stereotype.Service;

/**
 * The traversals for other read APIs than GraphQL (the Marquez-compatible REST API): the same walks, limits and
 * deadline, with a depth beyond {@link Limits#MAX_DEPTH} capped rather than refused, as those APIs' clients expect.
 */
@Service
public class Traversals {

    /** The largest depth a walk takes; deeper requests are capped to it. */
    public static final int MAX_DEPTH = Limits.MAX_DEPTH;

    /** The largest node count a walk may be asked for. */
    public static final int MAX_NODES = Limits.MAX_NODES;

    private final DatasetLineage datasetLineage;
    private final ColumnLineage columnLineage;
    private final RunLineage runLineage;
    private final TraversalMetrics metrics;

    Traversals(
            DatasetLineage datasetLineage,
            ColumnLineage columnLineage,
            RunLineage runLineage,
            TraversalMetrics metrics) {
        this.datasetLineage = datasetLineage;
        this.columnLineage = columnLineage;
        this.runLineage = runLineage;
        this.metrics = metrics;
    }

    /** The runs that wrote the dataset versions a run read, and onward, up to {@code depth} runs away. */
    public RunLineage.Graph runLineageUpstream(String runId, int depth, int maxNodes) {
        return metrics.timed(
                "marquez-run-lineage", () -> runLineage.runLineage(runId, Direction.UPSTREAM, capped(depth), maxNodes));
    }

    /** Datasets and jobs upstream and downstream of a dataset or job, up to {@code depth} hops. */
    public LineageGraph lineage(NodeRef node, int depth, int maxNodes) {
        return metrics.timed(
                "marquez-lineage",
                () -> datasetLineage.lineage(node, Direction.BOTH, capped(depth), maxNodes, null, null));
    }

    /** Fields upstream of a field or of every field of a dataset, and downstream too with {@code withDownstream}. */
    public ColumnLineageGraph columnLineage(NodeRef node, int depth, boolean withDownstream, int maxNodes) {
        return metrics.timed(
                "marquez-column-lineage",
                () -> columnLineage.columnLineage(
                        node, withDownstream ? Direction.BOTH : Direction.UPSTREAM, capped(depth), maxNodes, null));
    }

    private static int capped(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative, was " + depth);
        }
        return Math.min(depth, MAX_DEPTH);
    }
}
