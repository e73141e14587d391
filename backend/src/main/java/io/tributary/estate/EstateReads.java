package io.tributary.estate;

import io.tributary.estate.Estate.ConnectedDataset;
import io.tributary.estate.Estate.JobDurationSummary;
import io.tributary.estate.Estate.JobFailureSummary;
import io.tributary.estate.Estate.OpenIssue;
import io.tributary.estate.Estate.RunBucket;
import io.tributary.estate.Estate.StaleDatasets;
import io.tributary.estate.Estate.Totals;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/** The home page's reads: one statement per figure, all in one read transaction (one consistent snapshot). */
@Repository
class EstateReads {

    static final int BUCKETS = 24;
    private static final int OPEN_ISSUES = 20;
    private static final int JOBS = 5;
    private static final int DATASETS = 10;

    /** Everything {@link Estate} holds that the graph answers. */
    record Figures(
            Totals totals,
            List<RunBucket> runsOverTime,
            List<OpenIssue> openIssues,
            List<JobDurationSummary> slowestJobs,
            List<JobFailureSummary> failingJobs,
            StaleDatasets staleDatasets,
            List<ConnectedDataset> mostConnectedDatasets) {}

    /** Parameters: the period's start and how many rows to return. */
    private record Window(OffsetDateTime since, int limit) {}

    /** Parameters of read/estate/runs-over-time. */
    private record Buckets(OffsetDateTime since, long bucketMillis) {}

    private record Limit(int limit) {}

    /** A row of read/estate/runs-over-time: the runs of one state that started in one bucket. */
    private record BucketRow(int bucket, String state, int runs) {

        static BucketRow from(Record r) {
            return new BucketRow(
                    r.get("bucket").asInt(),
                    r.get("state").asString(),
                    r.get("runs").asInt());
        }
    }

    private final GraphStore store;

    EstateReads(GraphStore store) {
        this.store = store;
    }

    /** The figures of the period from {@code since} (in {@link #BUCKETS} buckets), open issues from {@code openSince}. */
    Figures read(OffsetDateTime since, Duration period, OffsetDateTime openSince) {
        Duration bucket = period.dividedBy(BUCKETS);
        return store.readTransaction(reads -> {
            Totals totals = reads.read("read/estate/totals", Map.of(), r -> Totals.from(r.single()));
            if (totals.jobs() + totals.datasets() == 0) {
                // A new store: the page shows how to send the first event, and nothing needs reading.
                return new Figures(
                        totals,
                        buckets(since, bucket, List.of()),
                        List.of(),
                        List.of(),
                        List.of(),
                        new StaleDatasets(0, List.of()),
                        List.of());
            }
            return figures(reads, totals, since, bucket, openSince);
        });
    }

    private static Figures figures(
            GraphStore.Reads reads, Totals totals, OffsetDateTime since, Duration bucket, OffsetDateTime openSince) {
        return new Figures(
                totals,
                reads.read(
                        "read/estate/runs-over-time",
                        new Buckets(since, bucket.toMillis()),
                        r -> buckets(since, bucket, r.list(BucketRow::from))),
                openIssues(reads, openSince),
                reads.read("read/estate/slowest-jobs", new Window(since, JOBS), r -> r.list(JobDurationSummary::from)),
                reads.read("read/estate/failing-jobs", new Window(since, JOBS), r -> r.list(JobFailureSummary::from)),
                reads.read(
                        "read/estate/stale-datasets", new Window(since, DATASETS), r -> StaleDatasets.from(r.single())),
                reads.read(
                        "read/estate/most-connected-datasets",
                        new Limit(DATASETS),
                        r -> r.list(ConnectedDataset::from)));
    }

    private static List<OpenIssue> openIssues(GraphStore.Reads reads, OffsetDateTime since) {
        var open = new ArrayList<OpenIssue>();
        open.addAll(reads.read(
                "read/estate/open-failures", new Window(since, OPEN_ISSUES), r -> r.list(EstateReads::openFailure)));
        open.addAll(reads.read(
                "read/estate/open-quality-failures",
                new Window(since, OPEN_ISSUES),
                r -> r.list(EstateReads::openQualityFailure)));
        open.sort(Comparator.comparing(OpenIssue::time).reversed());
        return open.stream().limit(OPEN_ISSUES).toList();
    }

    private static OpenIssue openFailure(Record row) {
        String job = row.get("name").asString();
        String error = DriverValues.string(row.get("errorMessage"));
        return new OpenIssue(
                "JOB_EXECUTION",
                DriverValues.time(row.get("time")),
                row.get("namespace").asString(),
                job,
                row.get("runId").asString(),
                error == null ? job + " failed" : job + " failed: " + firstLine(error));
    }

    private static OpenIssue openQualityFailure(Record row) {
        String dataset = row.get("name").asString();
        return new OpenIssue(
                "DATA_QUALITY",
                DriverValues.time(row.get("time")),
                row.get("namespace").asString(),
                dataset,
                row.get("runId").asString(),
                row.get("failed").asLong() + " failed assertion(s) on " + dataset);
    }

    /** Every bucket of the period, empty ones included, from the rows of those with runs. */
    private static List<RunBucket> buckets(OffsetDateTime since, Duration bucket, List<BucketRow> rows) {
        int[][] counts = new int[BUCKETS][4];
        List<String> states = List.of("RUNNING", "COMPLETED", "FAILED", "ABORTED");
        for (BucketRow row : rows) {
            int state = states.indexOf(row.state());
            // A run started after the period's end (a producer's clock ahead of ours) falls past the last bucket.
            if (row.bucket() >= 0 && row.bucket() < BUCKETS && state >= 0) {
                counts[row.bucket()][state] += row.runs();
            }
        }
        var buckets = new ArrayList<RunBucket>();
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(new RunBucket(
                    since.plus(bucket.multipliedBy(i)), counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
        }
        return buckets;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
