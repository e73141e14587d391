package io.tributary.job;

import io.tributary.entity.JobView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/**
 * Jobs' source code (sourceCode facet), in one query. Unless the operator exposes it, the code is not even read from
 * the database: the answer says it is hidden and gives only the language.
 */
@Repository
class SourceCodes {

    /** A job's source code; {@code code} is null when {@code hidden}. */
    record SourceCode(boolean hidden, String language, String code) {}

    private final GraphStore store;
    private final SourceCodePolicy policy;

    SourceCodes(GraphStore store, SourceCodePolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    Map<JobView, SourceCode> of(List<JobView> jobs) {
        boolean exposed = policy.exposed();
        Map<Map<String, Object>, List<Record>> rows = store.read(
                "read/job/source-code",
                Map.of("keys", jobs.stream().map(JobView::key).toList(), "expose", exposed),
                SourceRows::byKey);
        var byKey = new HashMap<Map<String, Object>, SourceCode>();
        rows.forEach((key, list) -> byKey.put(
                key,
                new SourceCode(
                        !exposed,
                        DriverValues.string(list.getFirst().get("language")),
                        exposed ? DriverValues.string(list.getFirst().get("code")) : null)));
        var result = new LinkedHashMap<JobView, SourceCode>();
        jobs.forEach(job -> {
            if (byKey.containsKey(job.key())) {
                result.put(job, byKey.get(job.key()));
            }
        });
        return result;
    }
}
