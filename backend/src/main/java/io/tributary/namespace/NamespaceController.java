package io.tributary.namespace;

import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Namespaces with counts of their jobs, datasets and runs. Each count is its own batched field, so a page that shows
 * only job counts does not pay for counting runs.
 */
@Controller
class NamespaceController {

    /** A namespace: a job namespace, a data source, or both. */
    record Namespace(String name) {}

    private final GraphStore store;

    NamespaceController(GraphStore store) {
        this.store = store;
    }

    @QueryMapping
    List<Namespace> namespaces() {
        return store.read(
                "read/namespace/all",
                Map.of(),
                result -> result.list(r -> new Namespace(r.get("name").asString())));
    }

    @BatchMapping
    Map<Namespace, Integer> jobCount(List<Namespace> namespaces) {
        return counts("read/namespace/job-counts", namespaces);
    }

    @BatchMapping
    Map<Namespace, Integer> datasetCount(List<Namespace> namespaces) {
        return counts("read/namespace/dataset-counts", namespaces);
    }

    @BatchMapping
    Map<Namespace, Integer> runCount(List<Namespace> namespaces) {
        return counts("read/namespace/run-counts", namespaces);
    }

    private Map<Namespace, Integer> counts(String statement, List<Namespace> namespaces) {
        return store.read(
                statement,
                Map.of("names", namespaces.stream().map(Namespace::name).toList()),
                result -> {
                    var counts = new HashMap<Namespace, Integer>();
                    result.forEachRemaining(r -> counts.put(
                            new Namespace(r.get("forName").asString()),
                            r.get("count").asInt()));
                    return counts;
                });
    }
}
