package io.tributary.issues;

import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds each kind of issue with one indexed query; entities are resolved afterwards in batches. Optionally only the
 * issues of given runs (live subscriptions ask about the runs of newly committed events).
 */
@Repository
class IssueFinder {

    private final GraphStore store;
    private final JsonMapper json;

    IssueFinder(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** An issue before its run, job and dataset are loaded. */
    record Found(
            String kind,
            OffsetDateTime time,
            String runId,
            String namespace,
            String jobName,
            String datasetNamespace,
            String datasetName,
            String errorMessage,
            Long durationMs,
            Double mean,
            Double stddev,
            List<Issue.FailedAssertion> failedAssertions) {

        JobKey job() {
            return new JobKey(namespace, jobName);
        }

        /** The dataset of a data-quality issue, null for the others. */
        DatasetKey dataset() {
            return datasetName == null ? null : new DatasetKey(datasetNamespace, datasetName);
        }
    }

    List<Found> failedRuns(OffsetDateTime since, JobKey job, int first) {
        return failedRuns(since, job, null, first);
    }

    List<Found> failedRuns(OffsetDateTime since, JobKey job, Collection<String> runIds, int first) {
        return find(
                "read/issues/failed-runs",
                since,
                job,
                runIds,
                first,
                r -> new Found(
                        "JOB_EXECUTION",
                        time(r),
                        r.get("runId").asString(),
                        r.get("namespace").asString(),
                        r.get("jobName").asString(),
                        null,
                        null,
                        DriverValues.string(r.get("errorMessage")),
                        null,
                        null,
                        null,
                        List.of()));
    }

    List<Found> durationOutliers(OffsetDateTime since, JobKey job, int first) {
        return durationOutliers(since, job, null, first);
    }

    List<Found> durationOutliers(OffsetDateTime since, JobKey job, Collection<String> runIds, int first) {
        return find(
                "read/issues/duration-outliers",
                since,
                job,
                runIds,
                first,
                r -> new Found(
                        "JOB_DURATION",
                        time(r),
                        r.get("runId").asString(),
                        r.get("namespace").asString(),
                        r.get("jobName").asString(),
                        null,
                        null,
                        null,
                        r.get("durationMs").asLong(),
                        r.get("mean").asDouble(),
                        r.get("stddev").asDouble(),
                        List.of()));
    }

    List<Found> failedQualityChecks(OffsetDateTime since, JobKey job, int first) {
        return failedQualityChecks(since, job, null, first);
    }

    List<Found> failedQualityChecks(OffsetDateTime since, JobKey job, Collection<String> runIds, int first) {
        return find(
                "read/issues/failed-quality-checks",
                since,
                job,
                runIds,
                first,
                r -> new Found(
                        "DATA_QUALITY",
                        time(r),
                        r.get("runId").asString(),
                        r.get("namespace").asString(),
                        r.get("jobName").asString(),
                        r.get("datasetNamespace").asString(),
                        r.get("datasetName").asString(),
                        null,
                        null,
                        null,
                        null,
                        failed(Objects.requireNonNullElse(DriverValues.string(r.get("assertions")), "[]"))));
    }

    private List<Issue.FailedAssertion> failed(String assertions) {
        var failed = new ArrayList<Issue.FailedAssertion>();
        for (JsonNode a : json.readTree(assertions)) {
            if (!a.path("success").asBoolean(false)) {
                failed.add(new Issue.FailedAssertion(
                        a.path("assertion").asString(""),
                        a.path("column").isNull() ? null : a.path("column").asString(null)));
            }
        }
        return failed;
    }

    private <T> List<T> find(
            String statement,
            OffsetDateTime since,
            JobKey job,
            Collection<String> runIds,
            int first,
            java.util.function.Function<Record, T> mapper) {
        var search = new Search(since, first, job, runIds == null ? null : List.copyOf(runIds));
        return store.read(statement, Parameters.of(search), result -> result.list(mapper::apply));
    }

    /**
     * The statements' parameters; {@code job}, the GraphQL {@code JobKeyInput}, keeps only issues of its runs, and
     * {@code runIds}, when not null, only issues of those runs.
     */
    private record Search(OffsetDateTime since, int first, JobKey job, List<String> runIds) {}

    private static OffsetDateTime time(Record r) {
        return DriverValues.time(r.get("time"));
    }
}
