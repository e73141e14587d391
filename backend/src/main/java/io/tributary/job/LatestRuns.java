package io.tributary.job;

import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** The most recently started run of each of many jobs, in one query. */
@Repository
class LatestRuns {

    private record Keys(List<JobKey> keys) {}

    private final GraphStore store;

    LatestRuns(GraphStore store) {
        this.store = store;
    }

    /** The run id per job, for the jobs that have run. */
    Map<JobKey, String> of(List<JobKey> jobs) {
        return store.read("read/job/latest-runs", Parameters.of(new Keys(jobs)), result -> {
            var map = new HashMap<JobKey, String>();
            result.forEachRemaining(r -> map.put(
                    new JobKey(
                            r.get("forNamespace").asString(), r.get("forName").asString()),
                    r.get("runId").asString()));
            return map;
        });
    }
}
