package io.tributary.compare;

import io.tributary.store.DatasetKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What one run reported about itself, folded from its archived events in event order: the datasets it read and
 * wrote, the schema it saw for each (column → type, null when no event carried a schema), and its SQL. With
 * {@code eventsPurged}, the run's raw events are gone and this is what the graph keeps of it.
 */
record RunSnapshot(
        Map<DatasetKey, Map<String, String>> inputs,
        Map<DatasetKey, Map<String, String>> outputs,
        String sql,
        boolean eventsPurged) {

    static RunSnapshot fold(List<JsonNode> events) {
        var inputs = new LinkedHashMap<DatasetKey, Map<String, String>>();
        var outputs = new LinkedHashMap<DatasetKey, Map<String, String>>();
        String sql = null;
        for (JsonNode event : events) {
            collect(event.path("inputs"), inputs);
            collect(event.path("outputs"), outputs);
            JsonNode query = event.path("job").path("facets").path("sql").path("query");
            if (query.isString()) {
                sql = query.asString();
            }
        }
        return new RunSnapshot(inputs, outputs, sql, false);
    }

    private static void collect(JsonNode datasets, Map<DatasetKey, Map<String, String>> into) {
        for (JsonNode dataset : datasets) {
            var key = new DatasetKey(
                    dataset.path("namespace").asString(""), dataset.path("name").asString(""));
            JsonNode fields = dataset.path("facets").path("schema").path("fields");
            if (fields.isArray()) {
                var columns = new LinkedHashMap<String, String>();
                flatten(fields, "", columns);
                into.put(key, columns);
            } else {
                into.putIfAbsent(key, null);
            }
        }
    }

    private static void flatten(JsonNode fields, String prefix, Map<String, String> into) {
        for (JsonNode field : fields) {
            String name = prefix + field.path("name").asString("");
            into.put(name, field.path("type").isString() ? field.path("type").asString() : null);
            flatten(field.path("fields"), name + ".", into);
        }
    }
}
