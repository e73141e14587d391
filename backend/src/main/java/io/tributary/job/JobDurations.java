package io.tributary.job;

import io.tributary.entity.JobView;
import io.tributary.entity.SourceRows;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** Duration statistics of many jobs' newest completed runs, in one query. */
@Repository
class JobDurations {

    private record Newest(List<JobKey> keys, int limit) {}

    private final GraphStore store;

    JobDurations(GraphStore store) {
        this.store = store;
    }

    Map<JobView, DurationStats> of(List<JobView> jobs, int last) {
        Map<JobKey, List<List<Long>>> rows = store.read(
                "read/job/durations",
                Parameters.of(new Newest(jobs.stream().map(JobView::key).toList(), last)),
                SourceRows.byJob(r -> r.get("durations").asList(Value::asLong)));
        var stats = new HashMap<JobKey, DurationStats>();
        rows.forEach((key, list) -> stats.put(key, DurationStats.of(list.getFirst())));
        return SourceRows.perSource(jobs, JobView::key, stats, DurationStats.of(List.of()));
    }
}
