package io.tributary.lineage;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The runLineage query; each node's run is resolved for the whole graph at once. */
@Controller
class RunLineageController {

    private final RunLineage runLineage;
    private final EntityLookup lookup;
    private final TraversalMetrics metrics;

    RunLineageController(RunLineage runLineage, EntityLookup lookup, TraversalMetrics metrics) {
        this.runLineage = runLineage;
        this.lookup = lookup;
        this.metrics = metrics;
    }

    @QueryMapping
    RunLineage.Graph runLineage(
            @Argument String runId,
            @Argument Direction direction,
            @Argument Integer depth,
            @Argument Integer maxNodes) {
        return metrics.timed(
                "runLineage",
                () -> runLineage.runLineage(
                        runId,
                        Objects.requireNonNullElse(direction, Direction.UPSTREAM),
                        Objects.requireNonNullElse(depth, 5),
                        Objects.requireNonNullElse(maxNodes, 1000)));
    }

    @BatchMapping(typeName = "RunLineageNode")
    Map<RunLineage.Node, RunView> run(List<RunLineage.Node> nodes) {
        Map<String, RunView> runs = lookup.runs(
                nodes.stream().map(RunLineage.Node::runId).distinct().toList());
        var result = new LinkedHashMap<RunLineage.Node, RunView>();
        nodes.forEach(n -> result.put(n, runs.get(n.runId())));
        return result;
    }
}
