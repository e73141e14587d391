package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The distinct schemas of many datasets, newest first, each with its changes from the one before, in one query. */
@Repository
class SchemaHistory {

    record Version(
            String hash,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            boolean current,
            List<SchemaField> fields,
            Changes changes) {}

    /** A column of a schema version; nested columns have dotted paths. */
    record SchemaField(String path, String type, String description) {}

    record Changes(List<SchemaField> added, List<SchemaField> removed, List<Retyped> retyped) {}

    record Retyped(String path, String oldType, String newType) {}

    private static final TypeReference<List<SchemaField>> FIELDS = new TypeReference<>() {};

    private final GraphStore store;
    private final JsonMapper json;

    SchemaHistory(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The newest {@code last} versions per dataset; one more is read so that the oldest shown has its changes. */
    Map<DatasetView, List<Version>> of(List<DatasetView> datasets, int last) {
        Map<Map<String, Object>, List<Record>> rows = store.read(
                "read/dataset/schema-versions",
                Map.of("keys", datasets.stream().map(DatasetView::key).toList(), "limit", last + 1),
                SourceRows::byKey);
        var versions = new HashMap<Map<String, Object>, List<Version>>();
        rows.forEach((key, list) -> versions.put(key, versions(list, last)));
        return SourceRows.perSource(datasets, DatasetView::key, versions, List.of());
    }

    private List<Version> versions(List<Record> newestFirst, int last) {
        var result = new ArrayList<Version>();
        for (int i = 0; i < Math.min(last, newestFirst.size()); i++) {
            Record r = newestFirst.get(i);
            List<SchemaField> fields = fields(r);
            Changes changes = i + 1 < newestFirst.size() ? changes(fields(newestFirst.get(i + 1)), fields) : null;
            result.add(new Version(
                    r.get("hash").asString(),
                    DriverValues.time(r.get("firstSeen")),
                    DriverValues.time(r.get("lastSeen")),
                    r.get("current").asBoolean(false),
                    fields,
                    changes));
        }
        return result;
    }

    private List<SchemaField> fields(Record r) {
        return json.readValue(r.get("fields").asString(), FIELDS);
    }

    /** Columns added, removed and retyped from {@code before} to {@code after}, matched by path, in schema order. */
    static Changes changes(List<SchemaField> before, List<SchemaField> after) {
        var old = new LinkedHashMap<String, SchemaField>();
        before.forEach(f -> old.put(f.path(), f));
        var now = new LinkedHashMap<String, SchemaField>();
        after.forEach(f -> now.put(f.path(), f));
        var added = after.stream().filter(f -> !old.containsKey(f.path())).toList();
        var removed = before.stream().filter(f -> !now.containsKey(f.path())).toList();
        var retyped = after.stream()
                .filter(f -> old.containsKey(f.path())
                        && !Objects.equals(old.get(f.path()).type(), f.type()))
                .map(f -> new Retyped(f.path(), old.get(f.path()).type(), f.type()))
                .toList();
        return new Changes(added, removed, retyped);
    }
}
