package io.tributary.compare;

import io.tributary.archive.ArchivedJson;
import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run reported about itself (see {@link RunSnapshot}): from its archived events while they are kept, else from
 * what the graph keeps of it (its READ and WROTE edges with the schema it reported for each dataset, and its SQL),
 * saying what is gone.
 */
@Repository
class RunSnapshots {

    /** A run with more events than this is compared on its first ones; no real run comes close. */
    private static final int MAX_EVENTS_PER_RUN = 1000;

    private static final TypeReference<List<Map<String, Object>>> FIELDS = new TypeReference<>() {};

    private record RunEvents(String runId, int limit) {}

    private record RunRef(String runId) {}

    private final GraphStore store;
    private final JsonMapper json;

    RunSnapshots(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    RunSnapshot of(String runId) {
        RunSnapshot kept = store.read(
                "read/compare/run-graph",
                Parameters.of(new RunRef(runId)),
                result -> result.hasNext() ? fromGraph(result.next()) : null);
        if (kept != null && !kept.eventsPurged()) {
            List<JsonNode> events = store.read(
                    "read/compare/run-events",
                    Parameters.of(new RunEvents(runId, MAX_EVENTS_PER_RUN)),
                    result -> result.list(r -> json.readTree(ArchivedJson.of(r))));
            return RunSnapshot.fold(events);
        }
        return kept;
    }

    /** A run whose raw events are purged, from the graph: a dataset whose schema it kept no hash of has none. */
    private RunSnapshot fromGraph(org.neo4j.driver.Record r) {
        boolean purged = r.get("archived").asLong() == 0;
        var inputs = new LinkedHashMap<DatasetKey, Map<String, String>>();
        var outputs = new LinkedHashMap<DatasetKey, Map<String, String>>();
        for (Value d : r.get("datasets").values()) {
            if (d.get("namespace").isNull()) {
                continue;
            }
            var key =
                    new DatasetKey(d.get("namespace").asString(), d.get("name").asString());
            Map<String, String> columns =
                    d.get("fields").isNull() ? null : columns(d.get("fields").asString());
            (d.get("output").asBoolean() ? outputs : inputs).put(key, columns);
        }
        String sql = r.get("sql").isNull() ? null : r.get("sql").asString();
        return new RunSnapshot(inputs, outputs, sql, purged);
    }

    private Map<String, String> columns(String fieldsJson) {
        var columns = new LinkedHashMap<String, String>();
        for (Map<String, Object> field : json.readValue(fieldsJson, FIELDS)) {
            columns.put((String) field.get("path"), field.get("type") instanceof String type ? type : null);
        }
        return columns;
    }
}
