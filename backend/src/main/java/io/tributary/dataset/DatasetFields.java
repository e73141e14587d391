package io.tributary.dataset;

import io.tributary.graph.DatasetView;
import io.tributary.graph.FieldView;
import io.tributary.store.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Current schemas of many datasets in one query. */
@Repository
class DatasetFields {

    private final GraphStore store;

    DatasetFields(GraphStore store) {
        this.store = store;
    }

    Map<DatasetView, List<FieldView>> of(List<DatasetView> datasets) {
        var byKey = store.read(
                "read/dataset/fields",
                Map.of("keys", datasets.stream().map(DatasetView::key).toList()),
                result -> {
                    var map = new HashMap<Map<String, Object>, List<FieldView>>();
                    result.forEachRemaining(r -> map.computeIfAbsent(
                                    Map.of(
                                            "namespace",
                                            r.get("namespace").asString(),
                                            "name",
                                            r.get("dataset").asString()),
                                    k -> new ArrayList<>())
                            .add(new FieldView(
                                    r.get("name").asString(),
                                    r.get("type").isNull()
                                            ? null
                                            : r.get("type").asString(),
                                    r.get("description").isNull()
                                            ? null
                                            : r.get("description").asString(),
                                    r.get("parent").isNull()
                                            ? null
                                            : r.get("parent").asString())));
                    return map;
                });
        var result = new LinkedHashMap<DatasetView, List<FieldView>>();
        datasets.forEach(d -> result.put(d, byKey.getOrDefault(d.key(), List.of())));
        return result;
    }
}
