package io.tributary.issues;

import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            List<Issue.FailedAssertion> failedAssertions) {}

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
                        r.get("errorMessage").isNull()
                                ? null
                                : r.get("errorMessage").asString(),
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
                        failed(
                                r.get("assertions").isNull()
                                        ? "[]"
                                        : r.get("assertions").asString())));
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
        var parameters = new HashMap<String, Object>();
        parameters.put("since", since);
        parameters.put("first", first);
        parameters.put("job", job == null ? null : Map.of("namespace", job.namespace(), "name", job.name()));
        parameters.put("runIds", runIds == null ? null : List.copyOf(runIds));
        return store.read(statement, parameters, result -> result.list(mapper::apply));
    }

    /** The GraphQL {@code JobKeyInput}: only issues of this job's runs. */
    record JobKey(String namespace, String name) {}

    private static OffsetDateTime time(Record r) {
        return r.get("time").asZonedDateTime().toOffsetDateTime();
    }
}
