package io.tributary.lineage;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The traversal queries. Arguments a client sets to null explicitly fall back to the schema's defaults, so a null
 * never reaches the walk.
 */
@Controller
class TraversalController {

    private final DatasetLineage datasetLineage;
    private final ColumnLineage columnLineage;
    private final Impact impact;
    private final TraversalMetrics metrics;

    TraversalController(
            DatasetLineage datasetLineage, ColumnLineage columnLineage, Impact impact, TraversalMetrics metrics) {
        this.datasetLineage = datasetLineage;
        this.columnLineage = columnLineage;
        this.impact = impact;
        this.metrics = metrics;
    }

    @QueryMapping
    LineageGraph lineage(
            @Argument NodeRef node,
            @Argument Direction direction,
            @Argument Integer depth,
            @Argument Integer maxNodes,
            @Argument OffsetDateTime asOf,
            @Argument OffsetDateTime since) {
        return metrics.timed(
                "lineage",
                () -> datasetLineage.lineage(
                        node,
                        Objects.requireNonNullElse(direction, Direction.BOTH),
                        Objects.requireNonNullElse(depth, 5),
                        Objects.requireNonNullElse(maxNodes, 1000),
                        asOf,
                        since));
    }

    @QueryMapping
    ColumnLineageGraph columnLineage(
            @Argument NodeRef node,
            @Argument Direction direction,
            @Argument Integer depth,
            @Argument Integer maxNodes,
            @Argument OffsetDateTime asOf) {
        return metrics.timed(
                "columnLineage",
                () -> columnLineage.columnLineage(
                        node,
                        Objects.requireNonNullElse(direction, Direction.UPSTREAM),
                        Objects.requireNonNullElse(depth, 10),
                        Objects.requireNonNullElse(maxNodes, 1000),
                        asOf));
    }

    @QueryMapping
    ImpactReport impact(
            @Argument NodeRef node,
            @Argument Integer depth,
            @Argument Boolean includeColumns,
            @Argument Integer maxNodes) {
        return metrics.timed(
                "impact",
                () -> impact.impact(
                        node,
                        depth,
                        Boolean.TRUE.equals(includeColumns),
                        Objects.requireNonNullElse(maxNodes, Limits.MAX_NODES)));
    }
}
