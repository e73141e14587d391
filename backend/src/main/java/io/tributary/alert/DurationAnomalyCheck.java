package io.tributary.alert;

import io.tributary.lineage.NodeKind;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A job's newest completed run more than 3 standard deviations from the mean of its previous 30 completed runs: the
 * Issues page's rule, by its own statement ({@code read/issues/duration-outliers}) asked about that run's job and time.
 * The job's next completed run within the usual range resolves the incident.
 */
@Component
class DurationAnomalyCheck implements Check {

    private final GraphStore store;

    DurationAnomalyCheck(GraphStore store) {
        this.store = store;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.DURATION_ANOMALY;
    }

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        var signals = new ArrayList<Signal>();
        for (Facts.Key key : touched.endedJobs()) {
            Facts.Job job = touched.jobs().get(key);
            if (job == null
                    || !"COMPLETED".equals(job.state())
                    || job.durationMs() == null
                    || !rule.scope().coversJob(job)) {
                continue;
            }
            var subject = new Signal.Subject(NodeKind.JOB, job.namespace(), job.name());
            Map<String, Object> outlier = outlier(job);
            if (outlier == null) {
                signals.add(Signal.clear(
                        rule,
                        subject,
                        job.endedAt(),
                        job.runId(),
                        "Run " + job.runId() + " took " + job.durationMs() + " ms, within the usual range"));
            } else {
                signals.add(Signal.open(
                        rule,
                        subject,
                        job.runId(),
                        job.endedAt(),
                        job.runId(),
                        String.format(
                                Locale.ROOT,
                                "Job %s took %d ms; usually %.0f ms ± %.0f ms",
                                job.name(),
                                job.durationMs(),
                                (Double) outlier.get("meanDurationMs"),
                                (Double) outlier.get("stddevDurationMs")),
                        outlier));
            }
        }
        return signals;
    }

    private Map<String, Object> outlier(Facts.Job job) {
        var search = new OutlierSearch(job.endedAt(), new JobKey(job.namespace(), job.name()), 5);
        return store.read("read/issues/duration-outliers", Parameters.of(search), result -> {
            while (result.hasNext()) {
                var r = result.next();
                if (r.get("runId").asString().equals(job.runId())) {
                    var details = new LinkedHashMap<String, Object>();
                    details.put("durationMs", r.get("durationMs").asLong());
                    details.put("meanDurationMs", r.get("mean").asDouble());
                    details.put("stddevDurationMs", r.get("stddev").asDouble());
                    details.put("endedAt", job.endedAt());
                    return details;
                }
            }
            return null;
        });
    }

    /** duration-outliers: outliers of one job, ended since {@code since}, at most {@code first}. */
    private record OutlierSearch(OffsetDateTime since, JobKey job, int first) {}
}
