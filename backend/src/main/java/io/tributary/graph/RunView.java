package io.tributary.graph;

import java.time.OffsetDateTime;
import org.neo4j.driver.Record;

/** A run as the GraphQL API shows it; the job is resolved separately (batched). */
public record RunView(
        String id,
        String state,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Long durationMs,
        OffsetDateTime nominalStartTime,
        String errorMessage,
        String jobNamespace,
        String jobName) {

    public static RunView from(Record r) {
        return new RunView(
                r.get("id").asString(),
                r.get("state").asString(),
                Values.time(r.get("startedAt")),
                Values.time(r.get("endedAt")),
                Values.number(r.get("durationMs")),
                Values.time(r.get("nominalStartTime")),
                Values.string(r.get("errorMessage")),
                r.get("jobNamespace").asString(),
                r.get("jobName").asString());
    }
}
