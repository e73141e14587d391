package io.tributary.run;

import io.tributary.graph.EntityLookup;
import io.tributary.graph.JobView;
import io.tributary.graph.RunView;
import io.tributary.store.GraphStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Run type: state and times, its job and its parent run. */
@Controller
class RunController {

    private final EntityLookup lookup;
    private final GraphStore store;

    RunController(EntityLookup lookup, GraphStore store) {
        this.lookup = lookup;
        this.store = store;
    }

    @QueryMapping
    RunView run(@Argument String id) {
        return lookup.runs(List.of(id)).get(id);
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, JobView> job(List<RunView> runs) {
        var jobs = lookup.jobs(runs.stream()
                .map(r -> Map.<String, Object>of("namespace", r.jobNamespace(), "name", r.jobName()))
                .distinct()
                .toList());
        var result = new LinkedHashMap<RunView, JobView>();
        runs.forEach(r -> result.put(r, jobs.get(Map.of("namespace", r.jobNamespace(), "name", r.jobName()))));
        return result;
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, RunView> parent(List<RunView> runs) {
        Map<String, String> parentIds = store.read(
                "read/run/parents", Map.of("ids", runs.stream().map(RunView::id).toList()), result -> {
                    var map = new LinkedHashMap<String, String>();
                    result.forEachRemaining(r ->
                            map.put(r.get("forId").asString(), r.get("runId").asString()));
                    return map;
                });
        Map<String, RunView> parents = lookup.runs(parentIds.values());
        var result = new LinkedHashMap<RunView, RunView>();
        for (RunView run : runs) {
            RunView parent = parents.get(parentIds.get(run.id()));
            if (parent != null) {
                result.put(run, parent);
            }
        }
        return result;
    }
}
