package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.SourceRows;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
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

    /** A row of read/dataset/symlinks: the other dataset, and how the two are linked. */
    private record SymlinkRow(DatasetKey other, String type, String direction) {

        static SymlinkRow from(Record r) {
            return new SymlinkRow(
                    SourceRows.dataset(r),
                    DriverValues.string(r.get("type")),
                    r.get("direction").asString());
        }
    }

    private record Keys(List<DatasetKey> keys) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    Symlinks(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    Map<DatasetView, List<Symlink>> of(List<DatasetView> datasets) {
        Map<DatasetKey, List<SymlinkRow>> rows = store.read(
                "read/dataset/symlinks",
                Parameters.of(new Keys(datasets.stream().map(DatasetView::key).toList())),
                SourceRows.byDataset(SymlinkRow::from));
        var others = lookup.datasets(rows.values().stream()
                .flatMap(List::stream)
                .map(SymlinkRow::other)
                .distinct()
                .toList());
        var resolved = new HashMap<DatasetKey, List<Symlink>>();
        rows.forEach((key, list) -> resolved.put(
                key,
                list.stream()
                        .map(r -> others.get(r.other()) == null
                                ? null
                                : new Symlink(others.get(r.other()), r.type(), r.direction()))
                        .filter(Objects::nonNull)
                        .toList()));
        return SourceRows.perSource(datasets, DatasetView::key, resolved, List.of());
    }
}
