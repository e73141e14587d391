package io.tributary.alert;

import io.tributary.lineage.NodeId;
import io.tributary.lineage.NodeKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a check concluded for one rule and one subject: the condition holds ({@code OPEN}) or no longer holds
 * ({@code CLEAR}). The incident store turns signals into at most one open incident per rule and slot.
 *
 * @param slot what one incident is about: the subject's node id, plus the schema for one-shot changes
 * @param trigger what made the condition hold (a run id, a schema pair): the same trigger seen again is no news
 * @param at the time of what was seen (a run's end, a check's time); a CLEAR only resolves incidents triggered earlier
 * @param affectedColumns downstream columns that the subject's change touches, when the check knows them
 */
record Signal(
        Action action,
        AlertRule rule,
        Subject subject,
        String slot,
        String trigger,
        OffsetDateTime at,
        String runId,
        String summary,
        Map<String, Object> details,
        List<AffectedColumn> affectedColumns) {

    enum Action {
        OPEN,
        CLEAR
    }

    /** A job or dataset an incident is about. */
    record Subject(NodeKind kind, String namespace, String name) {
        String id() {
            return NodeId.of(kind, namespace, name);
        }
    }

    /** A downstream column derived from a changed field {@code from}. */
    record AffectedColumn(String from, String namespace, String dataset, String field, int distance) {}

    static Signal open(
            AlertRule rule,
            Subject subject,
            String trigger,
            OffsetDateTime at,
            String runId,
            String summary,
            Map<String, Object> details) {
        return new Signal(Action.OPEN, rule, subject, subject.id(), trigger, at, runId, summary, details, List.of());
    }

    static Signal clear(AlertRule rule, Subject subject, OffsetDateTime at, String runId, String resolution) {
        return new Signal(Action.CLEAR, rule, subject, subject.id(), null, at, runId, resolution, Map.of(), List.of());
    }
}
