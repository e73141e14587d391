package io.tributary.estate;

import io.tributary.store.DriverValues;
import java.time.OffsetDateTime;
import java.util.List;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

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

    record Totals(long jobs, long datasets, long runs, long events) {

        static Totals from(Record r) {
            return new Totals(
                    r.get("jobs").asLong(),
                    r.get("datasets").asLong(),
                    r.get("runs").asLong(),
                    r.get("events").asLong());
        }
    }

    record RunBucket(OffsetDateTime start, int running, int completed, int failed, int aborted) {}

    /** {@code namespace} and {@code name} are the job's (JOB_EXECUTION) or the dataset's (DATA_QUALITY). */
    record OpenIssue(String kind, OffsetDateTime time, String namespace, String name, String runId, String summary) {}

    record JobDurationSummary(String namespace, String name, double meanMs, long longestMs, int runs) {

        static JobDurationSummary from(Record r) {
            return new JobDurationSummary(
                    r.get("namespace").asString(),
                    r.get("name").asString(),
                    r.get("meanMs").asDouble(),
                    r.get("longestMs").asLong(),
                    r.get("runs").asInt());
        }
    }

    record JobFailureSummary(String namespace, String name, int failures, int runs, OffsetDateTime lastFailure) {

        static JobFailureSummary from(Record r) {
            return new JobFailureSummary(
                    r.get("namespace").asString(),
                    r.get("name").asString(),
                    r.get("failures").asInt(),
                    r.get("runs").asInt(),
                    DriverValues.time(r.get("lastFailure")));
        }
    }

    record StaleDatasets(int count, List<StaleDataset> datasets) {

        static StaleDatasets from(Record r) {
            return new StaleDatasets(r.get("count").asInt(), r.get("datasets").asList(StaleDataset::from));
        }
    }

    record StaleDataset(String namespace, String name, OffsetDateTime lastWritten) {

        static StaleDataset from(Value d) {
            return new StaleDataset(
                    d.get("namespace").asString(), d.get("name").asString(), DriverValues.time(d.get("lastWritten")));
        }
    }

    record ConnectedDataset(String namespace, String name, int readers, int writers) {

        static ConnectedDataset from(Record r) {
            return new ConnectedDataset(
                    r.get("namespace").asString(),
                    r.get("name").asString(),
                    r.get("readers").asInt(),
                    r.get("writers").asInt());
        }
    }

    /** @param apiKeyFile the generated key's file, null when the operator set the key */
    record GettingStarted(String ingestPath, String apiKeyFile) {}
}
