package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** Other names of many datasets (symlinks, both ways) in two queries: the edges, then the datasets they reach. */
@Repository
class Symlinks {

    /**
     * @param type the identifier type the facet gave, e.g. TABLE or LOCATION
     * @param direction OUTGOING when this dataset's symlinks facet names the other, INCOMING for the reverse
     */
    record Symlink(DatasetView dataset, String type, String direction) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    Symlinks(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    Map<DatasetView, List<Symlink>> of(List<DatasetView> datasets) {
        Map<Map<String, Object>, List<Record>> rows = store.read(
                "read/dataset/symlinks",
                Map.of("keys", datasets.stream().map(DatasetView::key).toList()),
                SourceRows::byKey);
        var others = lookup.datasets(rows.values().stream()
                .flatMap(List::stream)
                .map(Symlinks::target)
                .distinct()
                .toList());
        var resolved = new HashMap<Map<String, Object>, List<Symlink>>();
        rows.forEach((key, list) -> resolved.put(
                key,
                list.stream()
                        .map(r -> others.get(target(r)) == null
                                ? null
                                : new Symlink(
                                        others.get(target(r)),
                                        DriverValues.string(r.get("type")),
                                        r.get("direction").asString()))
                        .filter(Objects::nonNull)
                        .toList()));
        return SourceRows.perSource(datasets, DatasetView::key, resolved, List.of());
    }

    private static Map<String, Object> target(Record r) {
        return Map.of(
                "namespace",
                r.get("namespace").asString(),
                "name",
                r.get("name").asString());
    }
}
