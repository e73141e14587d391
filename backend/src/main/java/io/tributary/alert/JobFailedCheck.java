package io.tributary.alert;

import io.tributary.lineage.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/** A job whose newest ended run FAILED or was ABORTED; its next completed run resolves the incident. */
@Component
class JobFailedCheck implements Check {

    @Override
    public RuleKind kind() {
        return RuleKind.JOB_FAILED;
    }

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        var signals = new ArrayList<Signal>();
        for (Facts.Key key : touched.endedJobs()) {
            Facts.Job job = touched.jobs().get(key);
            if (job == null || job.state() == null || !rule.scope().coversJob(job)) {
                continue;
            }
            var subject = new Signal.Subject(NodeKind.JOB, job.namespace(), job.name());
            switch (job.state()) {
                case "FAILED", "ABORTED" -> {
                    var details = new LinkedHashMap<String, Object>();
                    details.put("state", job.state());
                    details.put("errorMessage", job.errorMessage());
                    details.put("startedAt", job.startedAt());
                    details.put("endedAt", job.endedAt());
                    details.put("durationMs", job.durationMs());
                    signals.add(
                            Signal.open(rule, subject, job.runId(), job.endedAt(), job.runId(), summary(job), details));
                }
                case "COMPLETED" ->
                    signals.add(Signal.clear(
                            rule, subject, job.endedAt(), job.runId(), "Run " + job.runId() + " completed"));
                default -> {}
            }
        }
        return signals;
    }

    private static String summary(Facts.Job job) {
        String verb = job.state().equals("ABORTED") ? " was aborted" : " failed";
        return "Job " + job.name() + verb + (job.errorMessage() == null ? "" : ": " + firstLine(job.errorMessage()));
    }

    static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
