package io.tributary.live;

import io.tributary.graph.Values;
import io.tributary.live.CommittedBatch.Check;
import io.tributary.live.CommittedBatch.Edge;
import io.tributary.live.CommittedBatch.Key;
import io.tributary.store.GraphStore;
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
    record Resolution(String kind, String runId, String failedRunId, OffsetDateTime time, Key job, Key dataset) {}

    private final GraphStore store;

    LiveReads(GraphStore store) {
        this.store = store;
    }

    Map<Key, LatestRun> latestRuns(Collection<Key> jobs) {
        return store.read(
                "read/live/latest-runs",
                Map.of("keys", jobs.stream().map(LiveReads::key).toList()),
                r -> {
                    var latest = new HashMap<Key, LatestRun>();
                    r.forEachRemaining(row -> latest.put(
                            new Key(
                                    row.get("namespace").asString(),
                                    row.get("name").asString()),
                            new LatestRun(
                                    row.get("runId").asString(),
                                    row.get("state").asString())));
                    return latest;
                });
    }

    /** Of these edges (with the earliest time each was reported), the ones the graph first saw then. */
    List<Edge> newEdges(Map<Edge, OffsetDateTime> edges) {
        List<Map<String, Object>> rows = edges.entrySet().stream()
                .map(e -> Map.<String, Object>of(
                        "jobNamespace", e.getKey().job().namespace(),
                        "jobName", e.getKey().job().name(),
                        "namespace", e.getKey().dataset().namespace(),
                        "name", e.getKey().dataset().name(),
                        "input", e.getKey().input(),
                        "since", e.getValue()))
                .toList();
        return store.read(
                "read/live/new-edges",
                Map.of("edges", rows),
                r -> r.list(row -> new Edge(
                        new Key(
                                row.get("jobNamespace").asString(),
                                row.get("jobName").asString()),
                        new Key(row.get("namespace").asString(), row.get("name").asString()),
                        row.get("input").asBoolean())));
    }

    /** Completed runs that resolve their job's failure. */
    List<Resolution> resolvedFailures(Collection<String> completedRuns) {
        return store.read(
                "read/live/resolved-failures",
                Map.of("runIds", List.copyOf(completedRuns)),
                r -> r.list(row -> resolution("JOB_EXECUTION", row)));
    }

    /** Passing quality checks that resolve their dataset's failed check. */
    List<Resolution> resolvedQuality(Collection<Check> passed) {
        List<Map<String, Object>> checks = passed.stream()
                .map(c ->
                        Map.<String, Object>of("runId", c.runId(), "namespace", c.namespace(), "dataset", c.dataset()))
                .toList();
        return store.read(
                "read/live/resolved-quality",
                Map.of("checks", checks),
                r -> r.list(row -> resolution("DATA_QUALITY", row)));
    }

    private static Resolution resolution(String kind, Record row) {
        return new Resolution(
                kind,
                row.get("runId").asString(),
                row.get("failedRunId").asString(),
                Values.time(row.get("time")),
                new Key(row.get("namespace").asString(), row.get("jobName").asString()),
                row.get("datasetName").isNull()
                        ? null
                        : new Key(
                                row.get("datasetNamespace").asString(),
                                row.get("datasetName").asString()));
    }

    private static Map<String, Object> key(Key key) {
        return Map.of("namespace", key.namespace(), "name", key.name());
    }
}
