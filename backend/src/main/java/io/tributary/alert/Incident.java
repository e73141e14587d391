package io.tributary.alert;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An incident: one rule's condition holding for one subject, from when it was seen until it cleared (or a person
 * resolved it). As the API returns it.
 *
 * @param subjectId the subject's node id ({@code JOB:..}, {@code DATASET:..})
 * @param triggeredAt when what opened it happened (the failed run's end, the check's time), if known
 * @param occurrences how many distinct triggers (runs, checks) it has seen while open
 * @param notified whether its opening was sent (not while its rule was muted); a resolution is sent only then
 */
public record Incident(
        String id,
        String ruleId,
        String ruleName,
        RuleKind kind,
        String status,
        String subjectKind,
        String subjectNamespace,
        String subjectName,
        String subjectId,
        String summary,
        OffsetDateTime triggeredAt,
        OffsetDateTime openedAt,
        OffsetDateTime lastSeenAt,
        OffsetDateTime resolvedAt,
        String resolvedBy,
        String resolution,
        int occurrences,
        String runId,
        String lastRunId,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        String note,
        boolean notified,
        Map<String, Object> details,
        ImpactSummary impact) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
