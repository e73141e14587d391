package io.tributary.estate;

import io.tributary.estate.Estate.ConnectedDataset;
import io.tributary.estate.Estate.JobDurationSummary;
import io.tributary.estate.Estate.JobFailureSummary;
import io.tributary.estate.Estate.OpenIssue;
import io.tributary.estate.Estate.RunBucket;
import io.tributary.estate.Estate.StaleDataset;
import io.tributary.estate.Estate.StaleDatasets;
import io.tributary.estate.Estate.Totals;
import io.tributary.graph.Values;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    private final GraphStore store;

    EstateReads(GraphStore store) {
        this.store = store;
    }

    /** The figures of the period from {@code since} (in {@link #BUCKETS} buckets), open issues from {@code openSince}. */
    Figures read(OffsetDateTime since, Duration period, OffsetDateTime openSince) {
        Duration bucket = period.dividedBy(BUCKETS);
        return store.readTransaction(reads -> {
            Totals totals = reads.read("read/estate/totals", Map.of(), r -> {
                var row = r.single();
                return new Totals(
                        row.get("jobs").asLong(),
                        row.get("datasets").asLong(),
                        row.get("runs").asLong(),
                        row.get("events").asLong());
            });
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
                        Map.of("since", since, "bucketMillis", bucket.toMillis()),
                        r -> buckets(since, bucket, r.list(row -> row))),
                openIssues(reads, openSince),
                reads.read(
                        "read/estate/slowest-jobs",
                        Map.of("since", since, "limit", JOBS),
                        r -> r.list(row -> new JobDurationSummary(
                                row.get("namespace").asString(),
                                row.get("name").asString(),
                                row.get("meanMs").asDouble(),
                                row.get("longestMs").asLong(),
                                row.get("runs").asInt()))),
                reads.read(
                        "read/estate/failing-jobs",
                        Map.of("since", since, "limit", JOBS),
                        r -> r.list(row -> new JobFailureSummary(
                                row.get("namespace").asString(),
                                row.get("name").asString(),
                                row.get("failures").asInt(),
                                row.get("runs").asInt(),
                                Values.time(row.get("lastFailure"))))),
                reads.read("read/estate/stale-datasets", Map.of("since", since, "limit", DATASETS), r -> {
                    var row = r.single();
                    return new StaleDatasets(
                            row.get("count").asInt(),
                            row.get("datasets")
                                    .asList(d -> new StaleDataset(
                                            d.get("namespace").asString(),
                                            d.get("name").asString(),
                                            Values.time(d.get("lastWritten")))));
                }),
                reads.read(
                        "read/estate/most-connected-datasets",
                        Map.of("limit", DATASETS),
                        r -> r.list(row -> new ConnectedDataset(
                                row.get("namespace").asString(),
                                row.get("name").asString(),
                                row.get("readers").asInt(),
                                row.get("writers").asInt()))));
    }

    private static List<OpenIssue> openIssues(GraphStore.Reads reads, OffsetDateTime since) {
        var open = new ArrayList<OpenIssue>();
        open.addAll(reads.read(
                "read/estate/open-failures",
                Map.of("since", since, "limit", OPEN_ISSUES),
                r -> r.list(row -> new OpenIssue(
                        "JOB_EXECUTION",
                        Values.time(row.get("time")),
                        row.get("namespace").asString(),
                        row.get("name").asString(),
                        row.get("runId").asString(),
                        row.get("errorMessage").isNull()
                                ? row.get("name").asString() + " failed"
                                : row.get("name").asString() + " failed: "
                                        + firstLine(row.get("errorMessage").asString())))));
        open.addAll(reads.read(
                "read/estate/open-quality-failures",
                Map.of("since", since, "limit", OPEN_ISSUES),
                r -> r.list(row -> new OpenIssue(
                        "DATA_QUALITY",
                        Values.time(row.get("time")),
                        row.get("namespace").asString(),
                        row.get("name").asString(),
                        row.get("runId").asString(),
                        row.get("failed").asLong() + " failed assertion(s) on "
                                + row.get("name").asString()))));
        open.sort(Comparator.comparing(OpenIssue::time).reversed());
        return open.stream().limit(OPEN_ISSUES).toList();
    }

    /** Every bucket of the period, empty ones included, from the rows (bucket, state, runs) of those with runs. */
    private static List<RunBucket> buckets(OffsetDateTime since, Duration bucket, List<org.neo4j.driver.Record> rows) {
        int[][] counts = new int[BUCKETS][4];
        List<String> states = List.of("RUNNING", "COMPLETED", "FAILED", "ABORTED");
        for (var row : rows) {
            int index = row.get("bucket").asInt();
            int state = states.indexOf(row.get("state").asString());
            // A run started after the period's end (a producer's clock ahead of ours) falls past the last bucket.
            if (index >= 0 && index < BUCKETS && state >= 0) {
                counts[index][state] += row.get("runs").asInt();
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
