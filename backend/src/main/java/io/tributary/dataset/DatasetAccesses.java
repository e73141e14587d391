package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** When many datasets were last read or written, and by which run: two queries per batch whatever its size. */
@Repository
class DatasetAccesses {

    /** A run's access to a dataset: its end time, or its latest event while it still runs. */
    record Access(RunView run, OffsetDateTime time) {}

    /** A row of read/dataset/last-read and last-written: the run and its access time. */
    private record AccessRow(String runId, OffsetDateTime time) {

        static AccessRow from(Record r) {
            return new AccessRow(r.get("runId").asString(), DriverValues.time(r.get("time")));
        }
    }

    private record Keys(List<DatasetKey> keys) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    DatasetAccesses(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    Map<DatasetView, Access> lastRead(List<DatasetView> datasets) {
        return latest("read/dataset/last-read", datasets);
    }

    Map<DatasetView, Access> lastWritten(List<DatasetView> datasets) {
        return latest("read/dataset/last-written", datasets);
    }

    private Map<DatasetView, Access> latest(String statement, List<DatasetView> datasets) {
        Map<DatasetKey, List<AccessRow>> rows = store.read(
                statement,
                Parameters.of(new Keys(datasets.stream().map(DatasetView::key).toList())),
                SourceRows.byDataset(AccessRow::from));
        Map<String, RunView> runs = lookup.runs(
                rows.values().stream().map(r -> r.getFirst().runId()).toList());
        var result = new LinkedHashMap<DatasetView, Access>();
        for (DatasetView dataset : datasets) {
            List<AccessRow> row = rows.getOrDefault(dataset.key(), List.of());
            RunView run = row.isEmpty() ? null : runs.get(row.getFirst().runId());
            if (run != null) {
                result.put(dataset, new Access(run, row.getFirst().time()));
            }
        }
        return result;
    }
}
