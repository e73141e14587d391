package io.tributary.job;

import io.tributary.entity.JobView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * Jobs' source code (sourceCode facet), in one query. Unless the operator exposes it, the code is not even read from
 * the database: the answer says it is hidden and gives only the language.
 */
@Repository
class SourceCodes {

    /** A job's source code; {@code code} is null when {@code hidden}. */
    record SourceCode(boolean hidden, String language, String code) {}

    private record Keys(List<JobKey> keys, boolean expose) {}

    private final GraphStore store;
    private final SourceCodePolicy policy;

    SourceCodes(GraphStore store, SourceCodePolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    Map<JobView, SourceCode> of(List<JobView> jobs) {
        boolean exposed = policy.exposed();
        Map<JobKey, List<SourceCode>> rows = store.read(
                "read/job/source-code",
                Parameters.of(new Keys(jobs.stream().map(JobView::key).toList(), exposed)),
                SourceRows.byJob(r -> new SourceCode(
                        !exposed,
                        DriverValues.string(r.get("language")),
                        exposed ? DriverValues.string(r.get("code")) : null)));
        var result = new LinkedHashMap<JobView, SourceCode>();
        jobs.forEach(job -> {
            if (rows.containsKey(job.key())) {
                result.put(job, rows.get(job.key()).getFirst());
            }
        });
        return result;
    }
}
