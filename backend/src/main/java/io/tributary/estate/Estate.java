package io.tributary.estate;

import java.time.OffsetDateTime;
import java.util.List;

/** The GraphQL {@code Estate}: the home page's figures, read together. */
record Estate(
        OffsetDateTime since,
        Totals totals,
        List<RunBucket> runsOverTime,
        List<OpenIssue> openIssues,
        List<JobDurationSummary> slowestJobs,
        List<JobFailureSummary> failingJobs,
        StaleDatasets staleDatasets,
        List<ConnectedDataset> mostConnectedDatasets,
        IngestActivity.Snapshot ingest,
        GettingStarted gettingStarted) {

    record Totals(long jobs, long datasets, long runs, long events) {}

    record RunBucket(OffsetDateTime start, int running, int completed, int failed, int aborted) {}

    /** {@code namespace} and {@code name} are the job's (JOB_EXECUTION) or the dataset's (DATA_QUALITY). */
    record OpenIssue(String kind, OffsetDateTime time, String namespace, String name, String runId, String summary) {}

    record JobDurationSummary(String namespace, String name, double meanMs, long longestMs, int runs) {}

    record JobFailureSummary(String namespace, String name, int failures, int runs, OffsetDateTime lastFailure) {}

    record StaleDatasets(int count, List<StaleDataset> datasets) {}

    record StaleDataset(String namespace, String name, OffsetDateTime lastWritten) {}

    record ConnectedDataset(String namespace, String name, int readers, int writers) {}

    /** @param apiKeyFile the generated key's file, null when the operator set the key */
    record GettingStarted(String ingestPath, String apiKeyFile) {}
}
