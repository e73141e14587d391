package io.tributary.job;

import io.tributary.entity.JobView;
import io.tributary.entity.SourceRows;
import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** Duration statistics of many jobs' newest completed runs, in one query. */
@Repository
class JobDurations {

    private final GraphStore store;

    JobDurations(GraphStore store) {
        this.store = store;
    }

    Map<JobView, DurationStats> of(List<JobView> jobs, int last) {
        Map<Map<String, Object>, List<Record>> rows = store.read(
                "read/job/durations",
                Map.of("keys", jobs.stream().map(JobView::key).toList(), "limit", last),
                SourceRows::byKey);
        var stats = new HashMap<Map<String, Object>, DurationStats>();
        rows.forEach((key, list) ->
                stats.put(key, DurationStats.of(list.getFirst().get("durations").asList(Value::asLong))));
        return SourceRows.perSource(jobs, JobView::key, stats, DurationStats.of(List.of()));
    }
}
