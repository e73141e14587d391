package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.testing.TestEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Runs and Issues pages and an open lineage graph follow committed events without a reload. */
class LivePagesUiTest extends BrowserTest {

    private static final String NAMESPACE = "scheduler";

    @Autowired
    private MeterRegistry meters;

    /** A closed page's subscription ends on the server; none may be counted as this test's. */
    @BeforeEach
    void noSubscriptionsLeft() {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> meters.get("tributary.live.subscribers").gauge().value() == 0);
    }

    @Test
    void theRunsPageShowsANewRunAndThenItsEndWithoutAReload() {
        ingestAirflowBigQueryDag();
        open("#/runs");
        Locator rows = byId("runs-table").locator("tbody tr");
        assertThat(rows).hasCount(4);
        markPage();
        awaitSubscribed();
        String runId = UUID.randomUUID().toString();

        post(event("START", runId, "live_job", "2030-01-01T00:00:00Z"))
                .expectStatus()
                .isCreated();

        assertThat(rows).hasCount(5);
        assertThat(rows.first().locator("td")).hasText(new String[] {
            "live_job",
            "RUNNING",
            "2030-01-01 00:00:00 UTC",
            "running",
            runId.substring(0, 8) + "…" + runId.substring(32)
        });

        post(event("COMPLETE", runId, "live_job", "2030-01-01T00:00:02Z"))
                .expectStatus()
                .isCreated();

        assertThat(rows.first().locator("td").nth(1)).hasText("COMPLETED");
        assertThat(rows.first().locator("td").nth(3)).hasText("2.0 s");
        assertThat(rows).hasCount(5);
        assertPageNotReloaded();
    }

    @Test
    void theIssuesPageListsANewFailureWithoutAReload() {
        open("#/issues?since=all");
        assertThat(byId("issues-job-execution").locator("h2")).hasText("Job execution (0)");
        markPage();
        awaitSubscribed();
        String runId = UUID.randomUUID().toString();

        post(event("START", runId, "flaky_job", "2024-05-01T00:00:00Z"))
                .expectStatus()
                .isCreated();
        post(event("FAIL", runId, "flaky_job", "2024-05-01T00:01:00Z"))
                .expectStatus()
                .isCreated();

        Locator execution = byId("issues-job-execution");
        assertThat(execution.locator("h2")).hasText("Job execution (1)");
        assertThat(execution.locator("tbody tr td").nth(1)).hasText("flaky_job");
        assertPageNotReloaded();
    }

    @Test
    void anOpenGraphShowsAJobsNewRunStateWithoutAReload() {
        String runId = UUID.randomUUID().toString();
        post(event("START", runId, "graph_job", "2024-05-01T00:00:00Z"))
                .expectStatus()
                .isCreated();
        open("#/lineage/JOB:" + NAMESPACE + ":graph_job");
        readyGraph("lineage-graph");
        org.assertj.core.api.Assertions.assertThat(jobState()).isEqualTo("RUNNING");
        markPage();
        awaitSubscribed();

        post(event("FAIL", runId, "graph_job", "2024-05-01T00:05:00Z"))
                .expectStatus()
                .isCreated();

        await().atMost(Duration.ofMinutes(2)).until(() -> "FAILED".equals(jobState()));
        // The selected node's panel follows too.
        assertThat(byId("tabpanel").locator(".state").first()).hasText("FAILED");
        assertPageNotReloaded();
    }

    private Object jobState() {
        return page.evaluate(
                "() => window.__tributary.lineage.cy.$id('JOB:" + NAMESPACE + ":graph_job').data('state')");
    }

    /** A property on the page's window: it disappears if the page is loaded again. */
    private void markPage() {
        page.evaluate("() => { window.__notReloaded = true; }");
    }

    private void assertPageNotReloaded() {
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__notReloaded === true"))
                .isEqualTo(true);
    }

    /** Events committed before the page's subscription is registered would not reach it. */
    private void awaitSubscribed() {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> meters.get("tributary.live.subscribers").gauge().value() >= 1);
    }

    private static String event(String type, String runId, String job, String time) {
        return TestEvents.run(type, runId, NAMESPACE, job, time)
                .input("postgres://warehouse:5432", "orders", null)
                .json();
    }
}
