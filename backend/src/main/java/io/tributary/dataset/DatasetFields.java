package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** Current schemas of many datasets in one query, each as a flat depth-first list whose fields also nest. */
@Repository
class DatasetFields {

    /** A row of read/dataset/fields: a column of the dataset's current schema, in depth-first order. */
    private record FieldRow(
            DatasetKey dataset,
            String name,
            String leafName,
            String type,
            String description,
            String parent,
            int depth,
            List<String> tags) {

        static FieldRow from(Record r) {
            return new FieldRow(
                    new DatasetKey(
                            r.get("namespace").asString(), r.get("dataset").asString()),
                    r.get("name").asString(),
                    r.get("leafName").asString(),
                    DriverValues.string(r.get("type")),
                    DriverValues.string(r.get("description")),
                    DriverValues.string(r.get("parent")),
                    r.get("depth").asInt(),
                    DriverValues.strings(r.get("tags")));
        }
    }

    private record Keys(List<DatasetKey> keys) {}

    private final GraphStore store;

    DatasetFields(GraphStore store) {
        this.store = store;
    }

    Map<DatasetView, List<FieldView>> of(List<DatasetView> datasets) {
        Map<DatasetKey, List<FieldRow>> rows = store.read(
                "read/dataset/fields",
                Parameters.of(new Keys(datasets.stream().map(DatasetView::key).toList())),
                result -> {
                    var map = new HashMap<DatasetKey, List<FieldRow>>();
                    result.forEachRemaining(r -> {
                        FieldRow row = FieldRow.from(r);
                        map.computeIfAbsent(row.dataset(), k -> new ArrayList<>())
                                .add(row);
                    });
                    return map;
                });
        var result = new LinkedHashMap<DatasetView, List<FieldView>>();
        datasets.forEach(d -> result.put(d, tree(rows.getOrDefault(d.key(), List.of()))));
        return result;
    }

    /** The depth-first rows as views whose {@code fields} hold their children; the flat order is kept. */
    private static List<FieldView> tree(List<FieldRow> rows) {
        var children = new HashMap<String, List<FieldRow>>();
        rows.forEach(r ->
                children.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r));
        var built = new HashMap<String, FieldView>();
        var flat = new ArrayList<FieldView>(rows.size());
        // Children follow their parent in depth-first order, so building in reverse has every child ready first.
        for (FieldRow r : rows.reversed()) {
            FieldView field = new FieldView(
                    r.name(),
                    r.leafName(),
                    r.type(),
                    r.description(),
                    r.parent(),
                    r.depth(),
                    r.tags(),
                    children.getOrDefault(r.name(), List.of()).stream()
                            .map(c -> built.get(c.name()))
                            .toList());
            built.put(r.name(), field);
            flat.add(field);
        }
        return flat.reversed();
    }
}
