package io.tributary.entity;

import io.tributary.graphql.Cursors;
import io.tributary.store.DriverValues;
import io.tributary.store.JobKey;
import java.time.OffsetDateTime;
import org.neo4j.driver.Record;

/**
 * A run as the GraphQL API shows it; the job is resolved separately (batched).
 *
 * @param sortTime the START time where known, else the earliest event: the order of run lists and their cursors
 * @param errorMessage from the errorMessage facet, with {@code errorLanguage} and {@code stackTrace}
 */
public record RunView(
        String id,
        String state,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Long durationMs,
        OffsetDateTime nominalStartTime,
        OffsetDateTime nominalEndTime,
        String errorMessage,
        String errorLanguage,
        String stackTrace,
        String jobNamespace,
        String jobName,
        OffsetDateTime sortTime) {

    public JobKey job() {
        return new JobKey(jobNamespace, jobName);
    }

    /** The position of this run in a newest-first run list. */
    public String cursor() {
        return Cursors.encode(sortTime.toString(), id);
    }

    public static RunView from(Record r) {
        return new RunView(
                r.get("id").asString(),
                r.get("state").asString(),
                DriverValues.time(r.get("startedAt")),
                DriverValues.time(r.get("endedAt")),
                DriverValues.number(r.get("durationMs")),
                DriverValues.time(r.get("nominalStartTime")),
                DriverValues.time(r.get("nominalEndTime")),
                DriverValues.string(r.get("errorMessage")),
                DriverValues.string(r.get("errorLanguage")),
                DriverValues.string(r.get("stackTrace")),
                r.get("jobNamespace").asString(),
                r.get("jobName").asString(),
                DriverValues.time(r.get("sortTime")));
    }
}
