package io.tributary.job;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.SourceRows;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/**
 * Jobs' versions (newest first) and current versions, each with what changed against the version before it: one
 * query for the versions, one for every dataset they name.
 */
@Repository
class JobVersions {

    /** The arguments of {@code Job.versions}; jobs asked with equal arguments are paged in one query. */
    record Page(int first, String after) {}

    /** A version row before its datasets are resolved. */
    private record Row(StoredVersion version, StoredVersion previous, boolean current, int runCount, String latestRun) {

        static Row from(Record r) {
            return new Row(
                    StoredVersion.from(r.get("version")),
                    StoredVersion.from(r.get("previous")),
                    r.get("current").asBoolean(),
                    r.get("runCount").asInt(),
                    r.get("latestRunId").isNull() ? null : r.get("latestRunId").asString());
        }

        Stream<DatasetKey> datasets() {
            return Stream.of(version, previous)
                    .filter(Objects::nonNull)
                    .flatMap(v -> Stream.concat(v.inputs().stream(), v.outputs().stream()));
        }
    }

    /** One job's page of read/job/versions: its versions before ({@code upper}, {@code afterHash}). */
    private record JobPage(@Unwrapped JobKey job, OffsetDateTime upper, String afterHash) {}

    private record Pages(List<JobPage> pages, int limit) {}

    private record Keys(List<JobKey> keys) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    JobVersions(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    Map<JobView, Connection<JobVersionView>> of(List<JobView> jobs, Page page) {
        Cursors.Before before = Cursors.Before.after(page.after());
        List<JobPage> pages = jobs.stream()
                .map(job -> new JobPage(job.key(), before.time(), before.id()))
                .toList();
        Map<JobKey, List<Row>> rows = store.read(
                "read/job/versions", Parameters.of(new Pages(pages, page.first() + 1)), SourceRows.byJob(Row::from));
        Map<DatasetKey, DatasetView> datasets = datasets(rows.values().stream().flatMap(List::stream));
        var connections = new HashMap<JobKey, Connection<JobVersionView>>();
        rows.forEach((key, list) -> connections.put(
                key,
                Connection.of(
                        list.stream().map(row -> view(row, datasets)).toList(), page.first(), JobVersionView::cursor)));
        return SourceRows.perSource(jobs, JobView::key, connections, Connection.empty());
    }

    /** The current version of each job that has one. */
    Map<JobView, JobVersionView> current(List<JobView> jobs) {
        Map<JobKey, List<Row>> rows = store.read(
                "read/job/current-versions",
                Parameters.of(new Keys(jobs.stream().map(JobView::key).toList())),
                SourceRows.byJob(Row::from));
        Map<DatasetKey, DatasetView> datasets = datasets(rows.values().stream().flatMap(List::stream));
        var result = new LinkedHashMap<JobView, JobVersionView>();
        for (JobView job : jobs) {
            List<Row> found = rows.get(job.key());
            if (found != null && !found.isEmpty()) {
                result.put(job, view(found.getFirst(), datasets));
            }
        }
        return result;
    }

    private Map<DatasetKey, DatasetView> datasets(Stream<Row> rows) {
        Set<DatasetKey> keys = new LinkedHashSet<>();
        rows.flatMap(Row::datasets).forEach(keys::add);
        return keys.isEmpty() ? Map.of() : lookup.datasets(keys);
    }

    private static JobVersionView view(Row row, Map<DatasetKey, DatasetView> datasets) {
        StoredVersion v = row.version();
        List<String> type = v.type();
        return new JobVersionView(
                v.hash(),
                v.firstSeen(),
                v.lastSeen(),
                row.current(),
                resolve(v.inputs(), datasets),
                resolve(v.outputs(), datasets),
                v.sql(),
                v.location(),
                type.get(0),
                type.get(1),
                type.get(2),
                row.runCount(),
                row.latestRun(),
                JobVersionChanges.between(row.previous(), v, datasets));
    }

    private static List<DatasetView> resolve(List<DatasetKey> keys, Map<DatasetKey, DatasetView> datasets) {
        return keys.stream().map(datasets::get).filter(Objects::nonNull).toList();
    }
}
