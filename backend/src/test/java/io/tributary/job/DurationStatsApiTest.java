package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/**
 * A job with ten completed runs of 1 to 10 seconds (one a day, the longest last), then a failed run and a running
 * one: duration statistics over completed runs only, and the job's runs paged newest first.
 */
class DurationStatsApiTest extends EndToEndTest {

    private static final Instant DAY_ONE = Instant.parse("2024-01-01T00:00:00Z");

    /** Run ids by day, 1 to 12. */
    private static String run(int day) {
        return "00000000-0000-4000-8000-0000000000%02d".formatted(day);
    }

    @BeforeEach
    void runTheJobTwelveDays() {
        for (int day = 1; day <= 12; day++) {
            Instant start = DAY_ONE.plus(day - 1, ChronoUnit.DAYS);
            post(TestEvents.run("START", run(day), "etl", "nightly", start.toString())
                            .json())
                    .expectStatus()
                    .isCreated();
            if (day <= 11) {
                Instant end = start.plusMillis(day == 11 ? 99_999 : day * 1000L);
                post(TestEvents.run(day == 11 ? "FAIL" : "COMPLETE", run(day), "etl", "nightly", end.toString())
                                .json())
                        .expectStatus()
                        .isCreated();
            }
        }
    }

    @Test
    void computesExactStatisticsOverCompletedRunsOnly() {
        graphQl.document("""
                        { job(namespace: "etl", name: "nightly") {
                            all: durationStats { count mean p50 p95 stddev min max }
                            recent: durationStats(last: 3) { count mean p50 p95 stddev min max } } }""")
                .execute()
                .path("job.all")
                .matchesJsonStrictly("""
                        { "count": 10, "mean": 5500.0, "p50": 5000, "p95": 10000, "stddev": 3027.6503540974913,
                          "min": 1000, "max": 10000 }""")
                .path("job.recent")
                .matchesJsonStrictly("""
                        { "count": 3, "mean": 9000.0, "p50": 9000, "p95": 10000, "stddev": 1000.0,
                          "min": 8000, "max": 10000 }""");
    }

    @Test
    void saysThereAreNoStatisticsForAJobWithoutCompletedRuns() {
        post(TestEvents.run("START", "00000000-0000-4000-8000-000000000099", "etl", "new", "2024-02-01T00:00:00Z")
                        .json())
                .expectStatus()
                .isCreated();
        graphQl.document(
                        "{ job(namespace: \"etl\", name: \"new\") { durationStats { count mean p50 p95 stddev min max } } }")
                .execute()
                .path("job.durationStats")
                .matchesJsonStrictly("""
                        { "count": 0, "mean": null, "p50": null, "p95": null, "stddev": null, "min": null,
                          "max": null }""");
    }

    @Test
    void pagesTheJobsRunsNewestFirst() {
        String query = """
                query($after: String) { job(namespace: "etl", name: "nightly") {
                  runs(first: 5, after: $after) { edges { node { id state } } pageInfo { hasNextPage endCursor } } } }""";
        var seen = new ArrayList<String>();
        String after = null;
        boolean hasNext = true;
        var pageSizes = new ArrayList<Integer>();
        while (hasNext) {
            var page = graphQl.document(query).variable("after", after).execute();
            List<String> ids = page.path("job.runs.edges[*].node.id")
                    .entityList(String.class)
                    .get();
            seen.addAll(ids);
            pageSizes.add(ids.size());
            hasNext = page.path("job.runs.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = page.path("job.runs.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(seen)
                .containsExactly(
                        run(12), run(11), run(10), run(9), run(8), run(7), run(6), run(5), run(4), run(3), run(2),
                        run(1));
        graphQl.document(
                        "{ job(namespace: \"etl\", name: \"nightly\") { runs(first: 2) { edges { node { state } } } } }")
                .execute()
                .path("job.runs.edges[*].node.state")
                .entityList(String.class)
                .containsExactly("RUNNING", "FAILED");
    }

    @Test
    void refusesStatisticsOverMoreThanAHundredRuns() {
        graphQl.document("{ job(namespace: \"etl\", name: \"nightly\") { durationStats(last: 0) { count } } }")
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().equals("last must be between 1 and 100, was 0"))
                .verify();
    }
}
