package io.tributary.alert;

import io.tributary.lineage.NodeId;
import io.tributary.lineage.NodeKind;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A job's current version no longer reads or writes a dataset that the version before it did: the edge turned history
 * when the run of the new version settled ({@code cypher/alert/dropped-lineage.cypher}). One incident per job, dataset
 * and direction; it is resolved when the job reports the dataset again and the edge is current once more. A dropped
 * input's incident is about the job (what it writes changed: its downstream is told), a dropped output's about the
 * dataset (no longer written by it: the dataset's downstream is told). The trigger is the pair of versions, so that the
 * same change seen again (more runs of the new version, a redelivered event) opens nothing new.
 */
@Component
class LineageDroppedCheck implements Check {

    private static final int SHORT_VERSION = 12;

    /** A job's dataset edge, current or dropped, with the versions it concerns. */
    private record Edge(
            String jobNamespace,
            String jobName,
            String namespace,
            String name,
            boolean input,
            boolean dropped,
            OffsetDateTime lastReported,
            String version,
            String previousVersion,
            String runId,
            OffsetDateTime endedAt) {}

    /** dropped-lineage: the jobs to read. */
    private record Keys(List<Facts.Key> keys) {}

    private final GraphStore store;

    LineageDroppedCheck(GraphStore store) {
        this.store = store;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.LINEAGE_DROPPED;
    }

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        List<Facts.Key> jobs = touched.endedJobs().stream()
                .filter(key -> touched.jobs().containsKey(key))
                .filter(key -> jobScope(rule.scope()).coversJob(touched.jobs().get(key)))
                .toList();
        if (jobs.isEmpty()) {
            return List.of();
        }
        String dataset = rule.scope().dataset();
        var signals = new ArrayList<Signal>();
        for (Edge edge : edges(jobs)) {
            if (dataset != null && !Glob.matches(dataset, edge.name())) {
                continue;
            }
            var subject = edge.input()
                    ? new Signal.Subject(NodeKind.JOB, edge.jobNamespace(), edge.jobName())
                    : new Signal.Subject(NodeKind.DATASET, edge.namespace(), edge.name());
            String slot = NodeId.of(NodeKind.JOB, edge.jobNamespace(), edge.jobName())
                    + (edge.input() ? " reads " : " writes ")
                    + NodeId.of(NodeKind.DATASET, edge.namespace(), edge.name());
            if (!edge.dropped()) {
                signals.add(new Signal(
                        Signal.Action.CLEAR,
                        rule,
                        subject,
                        slot,
                        null,
                        edge.lastReported(),
                        null,
                        "Job " + edge.jobName() + (edge.input() ? " reads " : " writes ") + edge.name() + " again",
                        Map.of(),
                        List.of()));
                continue;
            }
            signals.add(new Signal(
                    Signal.Action.OPEN,
                    rule,
                    subject,
                    slot,
                    edge.previousVersion() + ">" + edge.version(),
                    edge.endedAt(),
                    edge.runId(),
                    summary(edge),
                    details(edge),
                    List.of()));
        }
        return signals;
    }

    /** The rule's scope for the job; its dataset part names the dropped dataset instead of the job's outputs. */
    private static AlertRule.Scope jobScope(AlertRule.Scope scope) {
        return new AlertRule.Scope(scope.namespace(), scope.job(), null, scope.tag(), scope.owner());
    }

    private List<Edge> edges(List<Facts.Key> jobs) {
        return store.read(
                "alert/dropped-lineage",
                Parameters.of(new Keys(jobs)),
                result -> result.list(r -> new Edge(
                        r.get("jobNamespace").asString(),
                        r.get("jobName").asString(),
                        r.get("namespace").asString(),
                        r.get("name").asString(),
                        r.get("input").asBoolean(),
                        r.get("dropped").asBoolean(),
                        DriverValues.time(r.get("lastReported")),
                        r.get("version").asString(),
                        DriverValues.string(r.get("previousVersion")),
                        r.get("runId").asString(),
                        DriverValues.time(r.get("endedAt")))));
    }

    private static String summary(Edge edge) {
        return "Job " + edge.jobName() + (edge.input() ? " stopped reading " : " stopped writing ") + edge.name()
                + ": its current version " + shortVersion(edge.version()) + " no longer "
                + (edge.input() ? "reads" : "writes") + " it (version " + shortVersion(edge.previousVersion())
                + " did)";
    }

    private static Map<String, Object> details(Edge edge) {
        var job = new LinkedHashMap<String, Object>();
        job.put("namespace", edge.jobNamespace());
        job.put("name", edge.jobName());
        var dataset = new LinkedHashMap<String, Object>();
        dataset.put("namespace", edge.namespace());
        dataset.put("name", edge.name());
        var details = new LinkedHashMap<String, Object>();
        details.put("job", job);
        details.put("dataset", dataset);
        details.put("direction", edge.input() ? "INPUT" : "OUTPUT");
        details.put("version", edge.version());
        details.put("previousVersion", edge.previousVersion());
        details.put("lastReported", edge.lastReported());
        details.put("runId", edge.runId());
        return details;
    }

    private static String shortVersion(String version) {
        return version.length() > SHORT_VERSION ? version.substring(0, SHORT_VERSION) : version;
    }
}
