package io.tributary.alert;

import io.tributary.lineage.NodeKind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset metric out of its range, as the newest measurement has it: the newest completed write's output statistics
 * or the newest quality check, whichever is newer (a column metric only comes from quality checks). A measurement back
 * in range resolves the incident.
 */
@Component
class MetricRangeCheck implements Check {

    private final JsonMapper json;

    MetricRangeCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.METRIC_OUT_OF_RANGE;
    }

    /** A value and where it was measured. */
    private record Measured(double value, String runId, OffsetDateTime at, String source) {}

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        var signals = new ArrayList<Signal>();
        var keys = new LinkedHashSet<>(touched.checkedDatasets());
        keys.addAll(touched.writtenDatasets());
        for (Facts.Key key : keys) {
            Facts.Dataset d = touched.datasets().get(key);
            if (d == null || !rule.scope().coversDataset(d)) {
                continue;
            }
            Measured m = measure(rule.metric(), d);
            if (m == null) {
                continue;
            }
            var subject = new Signal.Subject(NodeKind.DATASET, d.namespace(), d.name());
            String what = rule.metric().column() == null
                    ? rule.metric().metric()
                    : rule.metric().column() + "." + rule.metric().metric();
            if (rule.metric().holds(m.value())) {
                signals.add(Signal.clear(
                        rule, subject, m.at(), m.runId(), what + " is " + number(m.value()) + " again, within range"));
                continue;
            }
            var details = new LinkedHashMap<String, Object>();
            details.put("metric", rule.metric().metric());
            details.put("column", rule.metric().column());
            details.put("value", m.value());
            details.put("min", rule.metric().min());
            details.put("max", rule.metric().max());
            details.put("measuredBy", m.source());
            details.put("measuredAt", m.at());
            signals.add(Signal.open(
                    rule,
                    subject,
                    m.runId() + "|" + m.value(),
                    m.at(),
                    m.runId(),
                    what + " of " + d.name() + " is " + number(m.value()) + "; expected "
                            + rule.metric().describe(),
                    details));
        }
        return signals;
    }

    private Measured measure(AlertRule.MetricRange range, Facts.Dataset d) {
        if (range.column() != null) {
            if (d.columnMetrics() == null) {
                return null;
            }
            JsonNode value =
                    json.readTree(d.columnMetrics()).path(range.column()).path(range.metric());
            return value.isNumber()
                    ? new Measured(value.asDouble(), d.qualityRunId(), d.qualityTime(), "QUALITY_CHECK")
                    : null;
        }
        boolean checkIsNewer = d.qualityTime() != null
                && (d.writtenAt() == null || !d.qualityTime().isBefore(d.writtenAt()));
        Long checked = switch (range.metric()) {
            case "rowCount" -> d.qualityRowCount();
            case "bytes" -> d.qualityBytes();
            default -> null;
        };
        Long written = switch (range.metric()) {
            case "rowCount" -> d.writtenRows();
            case "bytes" -> d.writtenBytes();
            case "fileCount" -> d.writtenFiles();
            default -> null;
        };
        if (checked != null && (checkIsNewer || written == null)) {
            return new Measured(checked, d.qualityRunId(), d.qualityTime(), "QUALITY_CHECK");
        }
        return written == null ? null : new Measured(written, d.writtenRunId(), d.writtenAt(), "OUTPUT_STATISTICS");
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
