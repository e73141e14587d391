package io.tributary.job;

import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** The most recently started run of each of many jobs, in one query. */
@Repository
class LatestRuns {

    private final GraphStore store;

    LatestRuns(GraphStore store) {
        this.store = store;
    }

    Map<Map<String, Object>, String> of(List<Map<String, Object>> jobKeys) {
        return store.read("read/job/latest-runs", Map.of("keys", jobKeys), result -> {
            var map = new HashMap<Map<String, Object>, String>();
            result.forEachRemaining(r -> map.put(
                    Map.of(
                            "namespace",
                            r.get("forNamespace").asString(),
                            "name",
                            r.get("forName").asString()),
                    r.get("runId").asString()));
            return map;
        });
    }
}
