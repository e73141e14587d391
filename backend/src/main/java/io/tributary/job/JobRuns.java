package io.tributary.job;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** Pages of many jobs' runs, newest first, in two queries: the pages' run ids, then the runs. */
@Repository
class JobRuns {

    /** The arguments of {@code Job.runs}; jobs asked with equal arguments are paged in one query. */
    record Page(int first, String after) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    JobRuns(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    Map<JobView, Connection<RunView>> of(List<JobView> jobs, Page page) {
        List<String> cursor = page.after() == null ? null : Cursors.decode(page.after(), 2);
        OffsetDateTime upper = cursor == null ? Cursors.END_OF_TIME : Cursors.time(page.after(), cursor.get(0));
        String afterId = cursor == null ? null : cursor.get(1);
        List<Map<String, Object>> pages = jobs.stream()
                .map(job -> {
                    var p = new HashMap<String, Object>(job.key());
                    p.put("upper", upper);
                    p.put("afterId", afterId);
                    return (Map<String, Object>) p;
                })
                .toList();
        Map<Map<String, Object>, List<Record>> rows =
                store.read("read/job/runs", Map.of("pages", pages, "limit", page.first() + 1), SourceRows::byKey);
        Map<String, RunView> runs = lookup.runs(rows.values().stream()
                .flatMap(List::stream)
                .map(r -> r.get("runId").asString())
                .toList());
        var connections = new HashMap<Map<String, Object>, Connection<RunView>>();
        rows.forEach((key, list) -> connections.put(
                key,
                Connection.of(
                        list.stream()
                                .map(r -> runs.get(r.get("runId").asString()))
                                .filter(Objects::nonNull)
                                .toList(),
                        page.first(),
                        RunView::cursor)));
        return SourceRows.perSource(jobs, JobView::key, connections, Connection.empty());
    }
}
