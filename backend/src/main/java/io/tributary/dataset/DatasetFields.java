package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
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

    private final GraphStore store;

    DatasetFields(GraphStore store) {
        this.store = store;
    }

    Map<DatasetView, List<FieldView>> of(List<DatasetView> datasets) {
        Map<Map<String, Object>, List<Record>> rows = store.read(
                "read/dataset/fields",
                Map.of("keys", datasets.stream().map(DatasetView::key).toList()),
                result -> {
                    var map = new HashMap<Map<String, Object>, List<Record>>();
                    result.forEachRemaining(r -> map.computeIfAbsent(
                                    Map.of(
                                            "namespace",
                                            r.get("namespace").asString(),
                                            "name",
                                            r.get("dataset").asString()),
                                    k -> new ArrayList<>())
                            .add(r));
                    return map;
                });
        var result = new LinkedHashMap<DatasetView, List<FieldView>>();
        datasets.forEach(d -> result.put(d, tree(rows.getOrDefault(d.key(), List.of()))));
        return result;
    }

    /** The depth-first rows as views whose {@code fields} hold their children; the flat order is kept. */
    private static List<FieldView> tree(List<Record> rows) {
        var children = new HashMap<String, List<Record>>();
        rows.forEach(r -> children.computeIfAbsent(DriverValues.string(r.get("parent")), p -> new ArrayList<>())
                .add(r));
        var built = new HashMap<String, FieldView>();
        var flat = new ArrayList<FieldView>(rows.size());
        // Children follow their parent in depth-first order, so building in reverse has every child ready first.
        for (Record r : rows.reversed()) {
            String name = r.get("name").asString();
            FieldView field = new FieldView(
                    name,
                    r.get("leafName").asString(),
                    DriverValues.string(r.get("type")),
                    DriverValues.string(r.get("description")),
                    DriverValues.string(r.get("parent")),
                    r.get("depth").asInt(),
                    children.getOrDefault(name, List.of()).stream()
                            .map(c -> built.get(c.get("name").asString()))
                            .toList());
            built.put(name, field);
            flat.add(field);
        }
        return flat.reversed();
    }
}
