package io.tributary.namespace;

import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Every namespace, and counts of the jobs, datasets and runs of many namespaces in one query per count. */
@Repository
class Namespaces {

    private record Names(List<String> names) {}

    private final GraphStore store;

    Namespaces(GraphStore store) {
        this.store = store;
    }

    List<Namespace> all() {
        return store.read(
                "read/namespace/all",
                Map.of(),
                result -> result.list(r -> new Namespace(r.get("name").asString())));
    }

    Map<Namespace, Integer> jobCounts(List<Namespace> namespaces) {
        return counts("read/namespace/job-counts", namespaces);
    }

    Map<Namespace, Integer> datasetCounts(List<Namespace> namespaces) {
        return counts("read/namespace/dataset-counts", namespaces);
    }

    Map<Namespace, Integer> runCounts(List<Namespace> namespaces) {
        return counts("read/namespace/run-counts", namespaces);
    }

    private Map<Namespace, Integer> counts(String statement, List<Namespace> namespaces) {
        var names = new Names(namespaces.stream().map(Namespace::name).toList());
        return store.read(statement, Parameters.of(names), result -> {
            var counts = new HashMap<Namespace, Integer>();
            result.forEachRemaining(r -> counts.put(
                    new Namespace(r.get("forName").asString()), r.get("count").asInt()));
            return counts;
        });
    }
}
