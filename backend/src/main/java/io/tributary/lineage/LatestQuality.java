package io.tributary.lineage;

import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Whether the newest quality check of each of many datasets failed, in one query. */
@Repository
class LatestQuality {

    private record Keys(List<DatasetKey> keys) {}

    private final GraphStore store;

    LatestQuality(GraphStore store) {
        this.store = store;
    }

    /** True or false per dataset ever checked; datasets never checked are left out. */
    Map<DatasetKey, Boolean> failed(List<DatasetKey> datasets) {
        return store.read("read/lineage/latest-quality", Parameters.of(new Keys(datasets)), result -> {
            var failed = new HashMap<DatasetKey, Boolean>();
            result.forEachRemaining(r -> failed.put(
                    new DatasetKey(r.get("namespace").asString(), r.get("name").asString()),
                    r.get("failed").asBoolean()));
            return failed;
        });
    }
}
