package io.tributary.run;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** What many runs read or wrote, with per-run statistics, in two queries: the edges, then the datasets. */
@Repository
class RunDatasets {

    /** A dataset as one run read or wrote it; statistics are null when the producer sent none. */
    record RunDataset(DatasetView dataset, Long rowCount, Long bytes, Long fileCount) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    RunDatasets(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    Map<RunView, List<RunDataset>> inputs(List<RunView> runs) {
        return of("read/run/inputs", runs);
    }

    Map<RunView, List<RunDataset>> outputs(List<RunView> runs) {
        return of("read/run/outputs", runs);
    }

    private Map<RunView, List<RunDataset>> of(String statement, List<RunView> runs) {
        Map<String, List<Record>> rows = store.read(
                statement, Map.of("ids", runs.stream().map(RunView::id).toList()), SourceRows::byId);
        var datasets = lookup.datasets(rows.values().stream()
                .flatMap(List::stream)
                .map(RunDatasets::key)
                .distinct()
                .toList());
        var byRun = new HashMap<String, List<RunDataset>>();
        rows.forEach((id, list) -> byRun.put(
                id,
                list.stream()
                        .map(r -> datasets.get(key(r)) == null
                                ? null
                                : new RunDataset(
                                        datasets.get(key(r)),
                                        DriverValues.number(r.get("rowCount")),
                                        DriverValues.number(r.get("bytes")),
                                        DriverValues.number(r.get("fileCount"))))
                        .filter(Objects::nonNull)
                        .toList()));
        return SourceRows.perSource(runs, RunView::id, byRun, List.of());
    }

    private static Map<String, Object> key(Record r) {
        return Map.of(
                "namespace",
                r.get("namespace").asString(),
                "name",
                r.get("name").asString());
    }
}
