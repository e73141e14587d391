package io.tributary.run;

import io.tributary.entity.DatasetVersionView;
import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
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

/** What many runs read or wrote, with per-run statistics, in two queries: the edges, then the datasets. */
@Repository
class RunDatasets {

    /**
     * A dataset as one run read or wrote it; statistics are null when the producer sent none. {@code version}: the
     * dataset version read (see read/run/inputs) or written, null when none is known.
     */
    record RunDataset(DatasetView dataset, Long rowCount, Long bytes, Long fileCount, DatasetVersionView version) {}

    /** A row of read/run/inputs and outputs: a dataset the run read or wrote, and the run's statistics of it. */
    private record RunDatasetRow(
            DatasetKey dataset, Long rowCount, Long bytes, Long fileCount, DatasetVersionView version) {

        static RunDatasetRow from(Record r) {
            return new RunDatasetRow(
                    SourceRows.dataset(r),
                    DriverValues.number(r.get("rowCount")),
                    DriverValues.number(r.get("bytes")),
                    DriverValues.number(r.get("fileCount")),
                    DatasetVersionView.from(r.get("version")));
        }
    }

    private record Ids(List<String> ids) {}

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
        Map<String, List<RunDatasetRow>> rows = store.read(
                statement,
                Parameters.of(new Ids(runs.stream().map(RunView::id).toList())),
                SourceRows.byRun(RunDatasetRow::from));
        var datasets = lookup.datasets(rows.values().stream()
                .flatMap(List::stream)
                .map(RunDatasetRow::dataset)
                .distinct()
                .toList());
        var byRun = new HashMap<String, List<RunDataset>>();
        rows.forEach((id, list) -> byRun.put(
                id,
                list.stream()
                        .map(r -> datasets.get(r.dataset()) == null
                                ? null
                                : new RunDataset(
                                        datasets.get(r.dataset()), r.rowCount(), r.bytes(), r.fileCount(), r.version()))
                        .filter(Objects::nonNull)
                        .toList()));
        return SourceRows.perSource(runs, RunView::id, byRun, List.of());
    }
}
