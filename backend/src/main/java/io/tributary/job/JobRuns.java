package io.tributary.job;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Repository;

/** Pages of many jobs' runs, newest first, in two queries: the pages' run ids, then the runs. */
@Repository
class JobRuns {

    /** The arguments of {@code Job.runs}; jobs asked with equal arguments are paged in one query. */
    record Page(int first, String after) {}

    /** One job's page of read/job/runs: its runs before ({@code upper}, {@code afterId}) in sortTime order. */
    private record JobPage(@Unwrapped JobKey job, OffsetDateTime upper, String afterId) {}

    private record Pages(List<JobPage> pages, int limit) {}

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
        List<JobPage> pages =
                jobs.stream().map(job -> new JobPage(job.key(), upper, afterId)).toList();
        Map<JobKey, List<String>> runIds = store.read(
                "read/job/runs",
                Parameters.of(new Pages(pages, page.first() + 1)),
                SourceRows.byJob(r -> r.get("runId").asString()));
        Map<String, RunView> runs =
                lookup.runs(runIds.values().stream().flatMap(List::stream).toList());
        var connections = new HashMap<JobKey, Connection<RunView>>();
        runIds.forEach((key, ids) -> connections.put(
                key,
                Connection.of(
                        ids.stream().map(runs::get).filter(Objects::nonNull).toList(), page.first(), RunView::cursor)));
        return SourceRows.perSource(jobs, JobView::key, connections, Connection.empty());
    }
}
