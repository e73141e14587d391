package io.tributary.alert;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The documented JSON body of an alert (README, "Alerts"); the Slack and template bodies are made from it.
 * {@code schemaVersion} changes only when a field changes meaning or goes away.
 */
@Component
class AlertMessages {

    static final String OPENED = "incident.opened";
    static final String RESOLVED = "incident.resolved";
    static final String TEST = "test";

    private final UiLinks links;

    AlertMessages(UiLinks links) {
        this.links = links;
    }

    Map<String, Object> body(String event, String deliveryId, OffsetDateTime createdAt, AlertRule rule, Incident i) {
        var body = new LinkedHashMap<String, Object>();
        body.put("schemaVersion", 1);
        body.put("event", event);
        body.put("deliveryId", deliveryId);
        body.put("createdAt", createdAt.toString());
        body.put(
                "rule",
                ordered(
                        "id",
                        rule.id(),
                        "name",
                        rule.name(),
                        "kind",
                        rule.kind().name()));
        body.put("summary", (TEST.equals(event) ? "[test] " : "") + i.summary());
        var incident = ordered(
                "id", i.id(),
                "status", i.status(),
                "openedAt", text(i.openedAt()),
                "triggeredAt", text(i.triggeredAt()),
                "resolvedAt", text(i.resolvedAt()),
                "resolution", i.resolution(),
                "occurrences", i.occurrences(),
                "acknowledged", i.acknowledged(),
                "url", links.incident(i.id()));
        body.put("incident", incident);
        body.put(
                "subject",
                ordered(
                        "kind", i.subjectKind(),
                        "namespace", i.subjectNamespace(),
                        "name", i.subjectName(),
                        "id", i.subjectId(),
                        "url", links.node(i.subjectId())));
        body.put(
                "run",
                i.runId() == null || !"JOB".equals(i.subjectKind())
                        ? null
                        : ordered("id", i.runId(), "url", links.run(i.subjectNamespace(), i.subjectName(), i.runId())));
        body.put("details", i.details());
        ImpactSummary impact = i.impact();
        var owners = impact.owners().stream()
                .map(o -> ordered(
                        "name", o.name(),
                        "datasetCount", o.datasetCount(),
                        "jobCount", o.jobCount(),
                        "columnCount", o.columnCount(),
                        "nodes", o.nodes()))
                .toList();
        body.put(
                "impact",
                ordered(
                        "datasetCount", impact.datasetCount(),
                        "jobCount", impact.jobCount(),
                        "columnCount", impact.columnCount(),
                        "ownerCount", impact.owners().size(),
                        "owners", owners,
                        "ownerNames",
                                impact.owners().stream()
                                        .map(ImpactSummary.Owner::name)
                                        .toList(),
                        "datasets", nodes(impact.datasets()),
                        "jobs", nodes(impact.jobs()),
                        "columns", nodes(impact.columns()),
                        "truncated", impact.truncated(),
                        "url", links.downstream(i.subjectId())));
        return body;
    }

    private static List<Map<String, Object>> nodes(List<ImpactSummary.Node> nodes) {
        return nodes.stream()
                .map(n -> ordered(
                        "id", n.id(),
                        "kind", n.kind(),
                        "namespace", n.namespace(),
                        "name", n.name(),
                        "field", n.field(),
                        "distance", n.distance(),
                        "owners", n.owners()))
                .toList();
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }

    /** A map keeping its keys in the given order (null values included: every documented key is always there). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }
}
