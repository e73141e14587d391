package io.tributary.alert;

import io.tributary.lineage.NodeKind;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Freshness SLAs. A missed SLA is noticed by {@link #scan} (run on a schedule, with no event needed); a write that
 * brings the dataset back within its SLA resolves the incident at once ({@link #evaluate}), or at the next scan.
 */
@Component
class FreshnessCheck implements Check {

    /** The most datasets one rule checks per scan. */
    static final int MAX_DATASETS = 10_000;

    private final GraphStore store;
    private final Clock clock;

    FreshnessCheck(GraphStore store, ObjectProvider<Clock> clocks) {
        this.store = store;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
    }

    @Override
    public RuleKind kind() {
        return RuleKind.FRESHNESS;
    }

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        var signals = new ArrayList<Signal>();
        OffsetDateTime since = rule.freshness().writtenSince(now());
        for (Facts.Key key : touched.writtenDatasets()) {
            Facts.Dataset d = touched.datasets().get(key);
            if (d != null
                    && d.writtenAt() != null
                    && !d.writtenAt().isBefore(since)
                    && rule.scope().coversDataset(d)) {
                signals.add(Signal.clear(
                        rule,
                        new Signal.Subject(NodeKind.DATASET, d.namespace(), d.name()),
                        d.writtenAt(),
                        d.writtenRunId(),
                        "Written at " + d.writtenAt() + " by run " + d.writtenRunId()));
            }
        }
        return signals;
    }

    /** Every dataset in the rule's scope, checked against its SLA at the clock's time. */
    List<Signal> scan(AlertRule rule) {
        OffsetDateTime now = now();
        OffsetDateTime since = rule.freshness().writtenSince(now);
        AlertRule.Scope scope = rule.scope();
        var inScope = new InScope(
                scope.namespace(),
                Glob.regex(scope.dataset()),
                Glob.regex(scope.job()),
                scope.tag(),
                scope.owner(),
                MAX_DATASETS);
        return store.read("alert/freshness", Parameters.of(inScope), result -> {
            var signals = new ArrayList<Signal>();
            result.forEachRemaining(r -> {
                var subject = new Signal.Subject(
                        NodeKind.DATASET,
                        r.get("namespace").asString(),
                        r.get("name").asString());
                OffsetDateTime written = DriverValues.time(r.get("lastWritten"));
                if (written != null && !written.isBefore(since)) {
                    signals.add(Signal.clear(rule, subject, written, null, "Written at " + written));
                    return;
                }
                var details = new LinkedHashMap<String, Object>();
                details.put("lastWrittenAt", written);
                details.put("expectedWrittenSince", since);
                details.put("checkedAt", now);
                details.put("sla", rule.freshness().describe());
                signals.add(Signal.open(
                        rule,
                        subject,
                        "last written " + written,
                        written,
                        null,
                        subject.name() + (written == null ? " has no completed write" : " not written since " + written)
                                + "; expected " + rule.freshness().describe(),
                        details));
            });
            return signals;
        });
    }

    /** freshness: the rule's scope, its names as regular expressions, and at most {@code limit} datasets. */
    private record InScope(
            String namespace, String datasetPattern, String jobPattern, String tag, String owner, int limit) {}

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
