package io.tributary.live;

import io.tributary.live.CommittedBatch.Check;
import io.tributary.live.CommittedBatch.Edge;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** The graph as it stands after a commit, for the parts of it live updates report; one read per kind for a batch. */
@Repository
class LiveReads {

    /** A job's run that started most recently. */
    record LatestRun(String runId, String state) {}

    /** An issue resolved by a run: {@code failedRunId}'s failure or failed check, by {@code runId}. */
    record Resolution(
            String kind, String runId, String failedRunId, OffsetDateTime time, JobKey job, DatasetKey dataset) {

        static Resolution from(String kind, Record row) {
            String datasetName = DriverValues.string(row.get("datasetName"));
            return new Resolution(
                    kind,
                    row.get("runId").asString(),
                    row.get("failedRunId").asString(),
                    DriverValues.time(row.get("time")),
                    new JobKey(
                            row.get("namespace").asString(), row.get("jobName").asString()),
                    datasetName == null
                            ? null
                            : new DatasetKey(row.get("datasetNamespace").asString(), datasetName));
        }
    }

    /** A row of read/live/latest-runs: a job and its latest run. */
    private record LatestRunRow(JobKey job, LatestRun run) {

        static LatestRunRow from(Record row) {
            return new LatestRunRow(
                    new JobKey(row.get("namespace").asString(), row.get("name").asString()),
                    new LatestRun(row.get("runId").asString(), row.get("state").asString()));
        }
    }

    private record JobKeys(List<JobKey> keys) {}

    /** A reported edge, with the earliest time an event of the batch reported it. */
    private record EdgeRow(
            @Unwrapped("job") JobKey job, @Unwrapped DatasetKey dataset, boolean input, OffsetDateTime since) {}

    private record EdgeRows(List<EdgeRow> edges) {}

    private record RunIds(List<String> runIds) {}

    private record Checks(List<Check> checks) {}

    private final GraphStore store;

    LiveReads(GraphStore store) {
        this.store = store;
    }

    Map<JobKey, LatestRun> latestRuns(Collection<JobKey> jobs) {
        return store.read("read/live/latest-runs", Parameters.of(new JobKeys(List.copyOf(jobs))), result -> {
            var latest = new HashMap<JobKey, LatestRun>();
            result.list(LatestRunRow::from).forEach(row -> latest.put(row.job(), row.run()));
            return latest;
        });
    }

    /** Of these edges (with the earliest time each was reported), the ones the graph first saw then. */
    List<Edge> newEdges(Map<Edge, OffsetDateTime> edges) {
        var rows = edges.entrySet().stream()
                .map(e -> new EdgeRow(
                        e.getKey().job(), e.getKey().dataset(), e.getKey().input(), e.getValue()))
                .toList();
        return store.read(
                "read/live/new-edges",
                Parameters.of(new EdgeRows(rows)),
                result -> result.list(row -> new Edge(
                        new JobKey(
                                row.get("jobNamespace").asString(),
                                row.get("jobName").asString()),
                        new DatasetKey(
                                row.get("namespace").asString(), row.get("name").asString()),
                        row.get("input").asBoolean())));
    }

    /** Completed runs that resolve their job's failure. */
    List<Resolution> resolvedFailures(Collection<String> completedRuns) {
        return store.read(
                "read/live/resolved-failures",
                Parameters.of(new RunIds(List.copyOf(completedRuns))),
                result -> result.list(row -> Resolution.from("JOB_EXECUTION", row)));
    }

    /** Passing quality checks that resolve their dataset's failed check. */
    List<Resolution> resolvedQuality(Collection<Check> passed) {
        return store.read(
                "read/live/resolved-quality",
                Parameters.of(new Checks(List.copyOf(passed))),
                result -> result.list(row -> Resolution.from("DATA_QUALITY", row)));
    }
}
