package io.tributary.lineage;

import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code LineageGraph.controlFlow}: the jobDependencies edges of the graph's jobs, drawn apart from the data flow the
 * walk followed. Either end may be a job the walk did not reach (a job that reads and writes nothing is in no
 * lineage); the id names it.
 */
@Controller
class ControlFlow {

    private final GraphStore store;

    ControlFlow(GraphStore store) {
        this.store = store;
    }

    /** One edge, upstream job (runs first) to downstream job, with the facet's rules. */
    record ControlFlowEdge(
            String from, String to, String dependencyType, String sequenceTriggerRule, String statusTriggerRule) {}

    private record Keys(List<JobKey> keys) {}

    @SchemaMapping(typeName = "LineageGraph")
    List<ControlFlowEdge> controlFlow(LineageGraph graph) {
        var jobs = graph.nodes().stream()
                .filter(n -> n.kind() == NodeKind.JOB)
                .map(n -> new JobKey(n.namespace(), n.name()))
                .toList();
        if (jobs.isEmpty()) {
            return List.of();
        }
        return store.read(
                "read/lineage/control-flow",
                Parameters.of(new Keys(jobs)),
                result -> result.list(r -> new ControlFlowEdge(
                        NodeId.of(
                                NodeKind.JOB,
                                r.get("upNamespace").asString(),
                                r.get("upName").asString()),
                        NodeId.of(
                                NodeKind.JOB,
                                r.get("downNamespace").asString(),
                                r.get("downName").asString()),
                        DriverValues.string(r.get("dependencyType")),
                        DriverValues.string(r.get("sequenceTriggerRule")),
                        DriverValues.string(r.get("statusTriggerRule")))));
    }
}
