package io.tributary.alert;

import io.tributary.lineage.NodeKind;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset's current schema removed or retyped fields, compared with its previous schema, and downstream columns are
 * derived from those fields (column lineage): the incident names them. Additions break nothing and are not reported.
 * Each change (previous schema, new schema) is its own incident, which a person acknowledges and resolves.
 */
@Component
class SchemaChangeCheck implements Check {

    private static final int DEPTH = 10;
    private static final int MAX_COLUMNS = 1000;

    private final GraphStore store;
    private final JsonMapper json;

    SchemaChangeCheck(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.SCHEMA_CHANGE;
    }

    @Override
    public List<Signal> evaluate(AlertRule rule, Touched touched) {
        var signals = new ArrayList<Signal>();
        for (Facts.Key key : touched.schemaDatasets()) {
            Facts.Dataset d = touched.datasets().get(key);
            if (d == null
                    || d.previousSchemaHash() == null
                    || d.schemaHash() == null
                    || !rule.scope().coversDataset(d)) {
                continue;
            }
            Map<String, String> before = types(d.previousSchemaFields());
            Map<String, String> after = types(d.schemaFields());
            List<String> removed = before.keySet().stream()
                    .filter(f -> !after.containsKey(f))
                    .sorted()
                    .toList();
            var retyped = new ArrayList<Map<String, Object>>();
            before.forEach((field, type) -> {
                if (after.containsKey(field) && !Objects.equals(type, after.get(field))) {
                    var change = new LinkedHashMap<String, Object>();
                    change.put("field", field);
                    change.put("from", type);
                    change.put("to", after.get(field));
                    retyped.add(change);
                }
            });
            retyped.sort((a, b) -> ((String) a.get("field")).compareTo((String) b.get("field")));
            var changed = new ArrayList<>(removed);
            retyped.forEach(r -> changed.add((String) r.get("field")));
            if (changed.isEmpty()) {
                continue;
            }
            List<Signal.AffectedColumn> affected = downstream(d, changed);
            if (affected.isEmpty()) {
                continue;
            }
            var subject = new Signal.Subject(NodeKind.DATASET, d.namespace(), d.name());
            var details = new LinkedHashMap<String, Object>();
            details.put("previousSchema", d.previousSchemaHash());
            details.put("schema", d.schemaHash());
            details.put("removedFields", removed);
            details.put("retypedFields", retyped);
            String summary = "Schema of " + d.name() + " changed: "
                    + (removed.isEmpty() ? "" : "removed " + String.join(", ", removed))
                    + (removed.isEmpty() || retyped.isEmpty() ? "" : "; ")
                    + (retyped.isEmpty()
                            ? ""
                            : "retyped "
                                    + retyped.stream()
                                            .map(r -> r.get("field") + " (" + r.get("from") + " → " + r.get("to") + ")")
                                            .collect(Collectors.joining(", ")))
                    + "; " + affected.size() + " downstream column(s) affected";
            signals.add(new Signal(
                    Signal.Action.OPEN,
                    rule,
                    subject,
                    subject.id() + "@" + d.schemaHash(),
                    d.previousSchemaHash() + ">" + d.schemaHash(),
                    null,
                    null,
                    summary,
                    details,
                    affected));
        }
        return signals;
    }

    private Map<String, String> types(String fieldsJson) {
        var types = new LinkedHashMap<String, String>();
        if (fieldsJson != null) {
            for (JsonNode f : json.readTree(fieldsJson)) {
                types.put(
                        f.path("path").asString(),
                        f.path("type").isNull() ? null : f.path("type").asString(null));
            }
        }
        return types;
    }

    private List<Signal.AffectedColumn> downstream(Facts.Dataset d, List<String> fields) {
        return store.read(
                "alert/downstream-columns",
                Parameters.of(new Downstream(d.namespace(), d.name(), fields, DEPTH, MAX_COLUMNS)),
                result -> result.list(r -> new Signal.AffectedColumn(
                        r.get("from").asString(),
                        r.get("namespace").asString(),
                        r.get("dataset").asString(),
                        r.get("name").asString(),
                        r.get("distance").asInt())));
    }

    /** downstream-columns: the columns fed by these fields of one dataset. */
    private record Downstream(String namespace, String dataset, List<String> fields, int depth, int limit) {}
}
