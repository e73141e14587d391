package io.tributary.run;

import io.tributary.graphql.Cursors;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Repository;

/**
 * The Runs page: run ids newest first, filtered. Each filter combination has its own statement whose leading index
 * property is the filter's, so every page is a range seek in sortTime order that stops at the page size.
 */
@Repository
class RunsPage {

    /**
     * The Runs page filter; every part is optional.
     *
     * @param state RUNNING, COMPLETED, FAILED or ABORTED
     * @param namespace the job namespace
     * @param job the job name within {@code namespace}
     * @param since runs that started at or after this time
     * @param until runs that started before this time
     */
    record RunFilter(String state, String namespace, String job, OffsetDateTime since, OffsetDateTime until) {}

    /** The statements' parameters: the filter with its open ends closed, and the runs before (upper, afterId). */
    private record Page(
            String state,
            String namespace,
            String job,
            OffsetDateTime since,
            OffsetDateTime until,
            OffsetDateTime upper,
            String afterId,
            int limit) {}

    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final GraphStore store;

    RunsPage(GraphStore store) {
        this.store = store;
    }

    /** Up to {@code limit} run ids after the cursor {@code after} (null for the first page). */
    List<String> ids(RunFilter filter, String after, int limit) {
        RunFilter f = filter == null ? new RunFilter(null, null, null, null, null) : filter;
        if (f.job() != null && f.namespace() == null) {
            throw new IllegalArgumentException("filter.job needs filter.namespace: job names are unique per namespace");
        }
        List<String> cursor = after == null ? null : Cursors.decode(after, 2);
        var page = new Page(
                f.state(),
                f.namespace(),
                f.job(),
                f.since() == null ? BEGINNING : f.since(),
                f.until() == null ? Cursors.END_OF_TIME : f.until(),
                cursor == null ? Cursors.END_OF_TIME : Cursors.time(after, cursor.get(0)),
                cursor == null ? null : cursor.get(1),
                limit);
        return store.read(
                statement(f),
                Parameters.of(page),
                result -> result.list(r -> r.get("runId").asString()));
    }

    private static String statement(RunFilter f) {
        if (f.job() != null) {
            return "read/run/page-by-job";
        }
        if (f.namespace() != null) {
            return "read/run/page-by-namespace";
        }
        return f.state() != null ? "read/run/page-by-state" : "read/run/page";
    }
}
