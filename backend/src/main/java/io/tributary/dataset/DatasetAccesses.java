package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
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
        Map<Map<String, Object>, List<Record>> rows = store.read(
                statement,
                Map.of("keys", datasets.stream().map(DatasetView::key).toList()),
                SourceRows::byKey);
        Map<String, RunView> runs = lookup.runs(rows.values().stream()
                .map(r -> r.getFirst().get("runId").asString())
                .toList());
        var result = new LinkedHashMap<DatasetView, Access>();
        for (DatasetView dataset : datasets) {
            List<Record> row = rows.getOrDefault(dataset.key(), List.of());
            RunView run =
                    row.isEmpty() ? null : runs.get(row.getFirst().get("runId").asString());
            if (run != null) {
                result.put(
                        dataset,
                        new Access(run, DriverValues.time(row.getFirst().get("time"))));
            }
        }
        return result;
    }
}
