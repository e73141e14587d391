package io.tributary.job;

import io.tributary.entity.DatasetView;
import io.tributary.entity.JobView;
import io.tributary.graphql.Cursors;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The GraphQL {@code JobVersion}: one version of a job, with its datasets, defining facets, runs and changes.
 *
 * @param latestRunId the version's newest run (resolved to a run in one batch)
 * @param changes against the version before it, null for the first version
 */
record JobVersionView(
        String hash,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        boolean current,
        List<DatasetView> inputs,
        List<DatasetView> outputs,
        String sql,
        JobView.SourceCodeLocation sourceCodeLocation,
        String jobType,
        String integration,
        String processingType,
        int runCount,
        String latestRunId,
        JobVersionChanges changes) {

    /** The position of this version in a newest-first version list. */
    String cursor() {
        return Cursors.of(firstSeen, hash);
    }
}
