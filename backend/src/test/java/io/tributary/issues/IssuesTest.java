package io.tributary.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class IssuesTest extends EndToEndTest {

    private static final String ISSUES = """
            query($kinds: [IssueKind!]) {
              issues(since: "2000-01-01T00:00:00Z", kinds: $kinds) {
                kind summary run { id state } job { name } dataset { name } errorMessage durationMs
                failedAssertions { assertion column }
              }
            }""";

    private List<Map<String, Object>> issues(String kind) {
        return graphQl.document(ISSUES)
                .variable("kinds", List.of(kind))
                .execute()
                .path("issues")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    @Test
    void reportsFailedDbtTestsAsDataQualityIssues() {
        for (String event : Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")) {
            post(event.replace("{{ any(result) }}", "1.0.0")).expectStatus().isCreated();
        }

        List<Map<String, Object>> issues = issues("DATA_QUALITY");

        assertThat(issues).hasSize(1);
        assertThat(issues.getFirst())
                .containsEntry(
                        "summary",
                        "2 failed assertion(s) on DEMO_DB.public.customers: unique(customer_id), not_null(customer_id)")
                .containsEntry("run", Map.of("id", "6edf42ed-d8d0-454a-b819-d09b9067ff99", "state", "FAILED"))
                .containsEntry("dataset", Map.of("name", "DEMO_DB.public.customers"))
                .containsEntry(
                        "failedAssertions",
                        List.of(
                                Map.of("assertion", "unique", "column", "customer_id"),
                                Map.of("assertion", "not_null", "column", "customer_id")));
    }

    @Test
    void reportsFailedRunsAsJobExecutionIssues() {
        for (String event : Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")) {
            post(event.replace("{{ any(result) }}", "1.0.0")).expectStatus().isCreated();
        }

        assertThat(issues("JOB_EXECUTION"))
                .extracting(i -> i.get("job"))
                .containsExactly(Map.of("name", "DEMO_DB.public.jaffle_shop.customers.test"));
    }

    @Test
    void reportsARunFarOutsideItsJobsUsualDurationOnly() {
        // Six runs of about one minute, then one of ten minutes: only the last is an outlier.
        OffsetDateTime start = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        long[] seconds = {60, 61, 59, 60, 62, 60, 600};
        String slow = null;
        for (int i = 0; i < seconds.length; i++) {
            String runId = UUID.randomUUID().toString();
            OffsetDateTime started = start.plusHours(i);
            postRun(runId, "START", started);
            postRun(runId, "COMPLETE", started.plusSeconds(seconds[i]));
            slow = runId;
        }

        List<Map<String, Object>> issues = issues("JOB_DURATION");

        assertThat(issues).hasSize(1);
        assertThat(issues.getFirst())
                .containsEntry("run", Map.of("id", slow, "state", "COMPLETED"))
                .containsEntry("durationMs", 600_000)
                .containsEntry("summary", "nightly_load took 600000 ms; usually 60333 ms ± 943 ms");
    }

    @Test
    void narrowsIssuesToOneJobsRuns() {
        for (String event : Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")) {
            post(event.replace("{{ any(result) }}", "1.0.0")).expectStatus().isCreated();
        }
        String failed = UUID.randomUUID().toString();
        postRun(failed, "START", OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        postRun(failed, "FAIL", OffsetDateTime.of(2024, 5, 1, 0, 1, 0, 0, ZoneOffset.UTC));
        String query = """
                query($job: JobKeyInput) {
                  issues(since: "2000-01-01T00:00:00Z", job: $job) { kind job { name } run { id } }
                }""";

        assertThat(issuesOf(query, null))
                .extracting(i -> i.get("kind") + " " + ((Map<?, ?>) i.get("job")).get("name"))
                .containsExactlyInAnyOrder(
                        "JOB_EXECUTION nightly_load",
                        "JOB_EXECUTION DEMO_DB.public.jaffle_shop.customers.test",
                        "DATA_QUALITY DEMO_DB.public.jaffle_shop.customers.test");
        assertThat(issuesOf(
                        query,
                        Map.of("namespace", "dbt-test-namespace", "name", "DEMO_DB.public.jaffle_shop.customers.test")))
                .extracting(i -> i.get("kind"))
                .containsExactlyInAnyOrder("JOB_EXECUTION", "DATA_QUALITY");
        assertThat(issuesOf(query, Map.of("namespace", "my-scheduler-namespace", "name", "nightly_load")))
                .extracting(i -> i.get("run"))
                .containsExactly(Map.of("id", failed));
        // The same name in another namespace is another job.
        assertThat(issuesOf(query, Map.of("namespace", "dbt-test-namespace", "name", "nightly_load")))
                .isEmpty();
    }

    private List<Map<String, Object>> issuesOf(String query, Map<String, Object> job) {
        return graphQl.document(query)
                .variable("job", job)
                .execute()
                .path("issues")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    @Test
    void narrowsDurationOutliersToOneJob() {
        OffsetDateTime start = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        long[] seconds = {60, 61, 59, 60, 62, 60, 600};
        for (int i = 0; i < seconds.length; i++) {
            String runId = UUID.randomUUID().toString();
            postRun(runId, "START", start.plusHours(i));
            postRun(runId, "COMPLETE", start.plusHours(i).plusSeconds(seconds[i]));
        }
        String query = """
                query($job: JobKeyInput) {
                  issues(since: "2000-01-01T00:00:00Z", kinds: [JOB_DURATION], job: $job) { durationMs }
                }""";

        assertThat(issuesOf(query, Map.of("namespace", "my-scheduler-namespace", "name", "nightly_load")))
                .hasSize(1);
        assertThat(issuesOf(query, Map.of("namespace", "my-scheduler-namespace", "name", "other_job")))
                .isEmpty();
    }

    /** The spec's own minimal COMPLETE example, re-identified as one run of one job at a given time. */
    private void postRun(String runId, String eventType, OffsetDateTime time) {
        String event = Fixtures.text("spec-examples/fluentd__event_simple.json")
                .replaceAll("\"runId\"\\s*:\\s*\"[^\"]+\"", "\"runId\": \"" + runId + "\"")
                .replaceAll("\"eventType\"\\s*:\\s*\"[^\"]+\"", "\"eventType\": \"" + eventType + "\"")
                .replaceAll("\"eventTime\"\\s*:\\s*\"[^\"]+\"", "\"eventTime\": \"" + time + "\"")
                .replaceAll("(\"job\"\\s*:\\s*\\{[^}]*\"name\"\\s*:\\s*)\"[^\"]+\"", "$1\"nightly_load\"");
        post(event).expectStatus().isCreated();
    }
}
