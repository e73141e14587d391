package io.tributary.graph;

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

    /** The position of this run in a newest-first run list. */
    public String cursor() {
        return Cursors.encode(sortTime.toString(), id);
    }

    public static RunView from(Record r) {
        return new RunView(
                r.get("id").asString(),
                r.get("state").asString(),
                Values.time(r.get("startedAt")),
                Values.time(r.get("endedAt")),
                Values.number(r.get("durationMs")),
                Values.time(r.get("nominalStartTime")),
                Values.time(r.get("nominalEndTime")),
                Values.string(r.get("errorMessage")),
                Values.string(r.get("errorLanguage")),
                Values.string(r.get("stackTrace")),
                r.get("jobNamespace").asString(),
                r.get("jobName").asString(),
                Values.time(r.get("sortTime")));
    }
}
