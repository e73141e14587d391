package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
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

    /** A row of read/dataset/schema-versions: a schema version, its columns as JSON. */
    private record VersionRow(
            String hash, OffsetDateTime firstSeen, OffsetDateTime lastSeen, boolean current, String fields) {

        static VersionRow from(Record r) {
            return new VersionRow(
                    r.get("hash").asString(),
                    DriverValues.time(r.get("firstSeen")),
                    DriverValues.time(r.get("lastSeen")),
                    r.get("current").asBoolean(false),
                    r.get("fields").asString());
        }
    }

    private record Versions(List<DatasetKey> keys, int limit) {}

    private static final TypeReference<List<SchemaField>> FIELDS = new TypeReference<>() {};

    private final GraphStore store;
    private final JsonMapper json;

    SchemaHistory(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The newest {@code last} versions per dataset; one more is read so that the oldest shown has its changes. */
    Map<DatasetView, List<Version>> of(List<DatasetView> datasets, int last) {
        Map<DatasetKey, List<VersionRow>> rows = store.read(
                "read/dataset/schema-versions",
                Parameters.of(
                        new Versions(datasets.stream().map(DatasetView::key).toList(), last + 1)),
                SourceRows.byDataset(VersionRow::from));
        var versions = new HashMap<DatasetKey, List<Version>>();
        rows.forEach((key, list) -> versions.put(key, versions(list, last)));
        return SourceRows.perSource(datasets, DatasetView::key, versions, List.of());
    }

    private List<Version> versions(List<VersionRow> newestFirst, int last) {
        var result = new ArrayList<Version>();
        for (int i = 0; i < Math.min(last, newestFirst.size()); i++) {
            VersionRow r = newestFirst.get(i);
            List<SchemaField> fields = fields(r);
            Changes changes = i + 1 < newestFirst.size() ? changes(fields(newestFirst.get(i + 1)), fields) : null;
            result.add(new Version(r.hash(), r.firstSeen(), r.lastSeen(), r.current(), fields, changes));
        }
        return result;
    }

    private List<SchemaField> fields(VersionRow r) {
        return json.readValue(r.fields(), FIELDS);
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
