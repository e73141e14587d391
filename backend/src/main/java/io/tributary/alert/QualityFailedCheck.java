package io.tributary.alert;

import io.tributary.lineage.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A dataset whose newest quality check has a failed assertion; a later check without one resolves the incident. */
@Component
class QualityFailedCheck implements Check {

    private final JsonMapper json;

    QualityFailedCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.QUALITY_FAILED;
    }

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        var signals = new ArrayList<Signal>();
        for (Facts.Key key : touched.checkedDatasets()) {
            Facts.Dataset d = touched.datasets().get(key);
            if (d == null || d.qualityTime() == null || !rule.scope().coversDataset(d)) {
                continue;
            }
            var subject = new Signal.Subject(NodeKind.DATASET, d.namespace(), d.name());
            List<Map<String, Object>> failed = failed(d.assertions());
            if (failed.isEmpty()) {
                signals.add(Signal.clear(
                        rule,
                        subject,
                        d.qualityTime(),
                        d.qualityRunId(),
                        "The quality check of run " + d.qualityRunId() + " passed"));
                continue;
            }
            var details = new LinkedHashMap<String, Object>();
            details.put("failedAssertions", failed);
            details.put("checkedAt", d.qualityTime());
            String list = failed.stream()
                    .map(a -> a.get("column") == null
                            ? a.get("assertion")
                            : a.get("assertion") + "(" + a.get("column") + ")")
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            signals.add(Signal.open(
                    rule,
                    subject,
                    d.qualityRunId(),
                    d.qualityTime(),
                    d.qualityRunId(),
                    failed.size() + " failed assertion(s) on " + d.name() + ": " + list,
                    details));
        }
        return signals;
    }

    private List<Map<String, Object>> failed(String assertions) {
        var failed = new ArrayList<Map<String, Object>>();
        if (assertions == null) {
            return failed;
        }
        for (JsonNode a : json.readTree(assertions)) {
            if (!a.path("success").asBoolean(false)) {
                var m = new LinkedHashMap<String, Object>();
                m.put("assertion", a.path("assertion").asString(""));
                m.put(
                        "column",
                        a.path("column").isNull() ? null : a.path("column").asString(null));
                failed.add(m);
            }
        }
        return failed;
    }
}
