package io.tributary.estate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.TestEvents;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** The home page's {@code estate} query over real and generated events. */
class EstateTest extends EndToEndTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    @Test
    void aFailureStaysAnOpenIssueUntilTheJobsNextRunCompletes() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String failed = UUID.randomUUID().toString();
        postRun(failed, "START", now.minusHours(3));
        postRun(failed, "FAIL", now.minusHours(3).plusMinutes(1));

        assertThat(openIssues())
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("kind", "JOB_EXECUTION")
                        .containsEntry("name", "nightly")
                        .containsEntry("runId", failed)
                        .containsEntry("summary", "nightly failed"));

        String fixed = UUID.randomUUID().toString();
        postRun(fixed, "START", now.minusHours(2));
        postRun(fixed, "COMPLETE", now.minusHours(2).plusMinutes(1));

        assertThat(openIssues()).isEmpty();
    }

    @Test
    void failedDbtTestsAreAnOpenDataQualityIssueOfTheirDataset() {
        // The fixture's events are from 2024: open issues look back 30 days, so they are moved to an hour ago.
        String hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
        for (String event : Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")) {
            post(event.replace("{{ any(result) }}", "1.0.0")
                            .replaceAll("\"eventTime\": ?\"[^\"]+\"", "\"eventTime\": \"" + hourAgo + "\""))
                    .expectStatus()
                    .isCreated();
        }

        assertThat(openIssues())
                .extracting(i -> i.get("kind") + " " + i.get("name") + ": " + i.get("summary"))
                .containsExactlyInAnyOrder(
                        "JOB_EXECUTION DEMO_DB.public.jaffle_shop.customers.test: "
                                + "DEMO_DB.public.jaffle_shop.customers.test failed",
                        "DATA_QUALITY DEMO_DB.public.customers: 2 failed assertion(s) on DEMO_DB.public.customers");
    }

    @Test
    void runsOverTimeHas24BucketsFromTheStartOfThePeriod() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String run = UUID.randomUUID().toString();
        postRun(run, "START", now.minusDays(2));
        postRun(run, "COMPLETE", now.minusDays(2).plusMinutes(5));

        List<Map<String, Object>> day = buckets("DAY");
        List<Map<String, Object>> week = buckets("WEEK");

        assertThat(day).hasSize(24).allSatisfy(b -> assertThat(b).containsEntry("completed", 0));
        assertThat(week).hasSize(24);
        assertThat(week.stream().mapToInt(b -> (Integer) b.get("completed")).sum())
                .isEqualTo(1);
    }

    private List<Map<String, Object>> openIssues() {
        return graphQl.document("{ estate { openIssues { kind namespace name runId summary } } }")
                .execute()
                .path("estate.openIssues")
                .entity(LIST)
                .get();
    }

    private List<Map<String, Object>> buckets(String period) {
        return graphQl.document("query($p: EstatePeriod) { estate(period: $p) { runsOverTime { start completed } } }")
                .variable("p", period)
                .execute()
                .path("estate.runsOverTime")
                .entity(LIST)
                .get();
    }

    private void postRun(String runId, String type, OffsetDateTime time) {
        post(TestEvents.run(type, runId, "scheduler", "nightly", time.toString())
                        .json())
                .expectStatus()
                .isCreated();
    }
}
