package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.tributary.testing.TestEvents;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The home page at {@code /}: the estate at a glance, and what a new user sees before any event. */
class HomePageUiTest extends BrowserTest {

    private static final String SCHEDULER = "scheduler";
    private static final String WAREHOUSE = "postgres://warehouse:5432";

    @Test
    void withNoEventsTheHomePageShowsHowToSendTheFirstOne() {
        open("");

        Locator empty = byId("home-empty");
        assertThat(empty.locator("h2")).hasText("No events yet");
        Locator curl = byId("home-first-curl");
        assertThat(curl).containsText("curl -X POST " + page.evaluate("location.origin") + "/api/v1/lineage");
        // This service's key is set by the operator (TRIBUTARY_API_KEY), not generated into a file.
        assertThat(curl).containsText("-H \"Authorization: Bearer $TRIBUTARY_API_KEY\"");
        assertThat(curl).containsText("\"eventType\": \"COMPLETE\"");

        byId("home-integrations").click();
        assertThat(page).hasURL(Pattern.compile(".*#/docs/integrations$"));
        assertThat(page.locator("#doc[data-state=ready] pre"))
                .containsText("# Connecting OpenLineage producers to Tributary");
    }

    @Test
    void theHomePageShowsRunsIssuesSlowAndFailingJobsStaleAndConnectedDatasetsEachLinkedIntoTheGraph() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        var events = new ArrayList<String>();
        // Three completed loads in the last day: 60, 70 and 80 seconds.
        for (int i = 0; i < 3; i++) {
            OffsetDateTime start = now.minusHours(6 - i);
            events.addAll(
                    run("nightly_load", start, start.plusSeconds(60 + 10 * i), "COMPLETE", "raw.orders", "orders"));
        }
        // A report that failed, and whose failure nothing has resolved.
        events.addAll(
                run("daily_report", now.minusHours(2), now.minusHours(2).plusSeconds(5), "FAIL", "orders", "report"));
        // An export last written three days ago: not written in the last 24 hours.
        events.addAll(run(
                "weekly_export", now.minusDays(3), now.minusDays(3).plusSeconds(30), "COMPLETE", "orders", "export"));
        ingestBatch(String.join(",", events).transform(e -> "[" + e + "]"));

        open("");

        assertThat(byId("home-totals")).hasText("3 jobs, 4 datasets, 5 runs, 10 events stored.");
        assertThat(byId("home-runs").locator(".home-figures"))
                .hasText("4 runs: 3 completed, 1 failed, 0 running, 0 aborted");
        assertThat(page.locator("#home-runs-chart details tbody tr")).hasCount(24);

        Locator issues = byId("home-issues");
        assertThat(issues.locator("h2")).hasText("Open issues (1)");
        assertThat(issues.locator("tbody tr td").nth(1)).hasText("daily_report");
        assertThat(issues.locator("tbody tr td").nth(2)).hasText("daily_report failed");

        assertThat(byId("home-slowest").locator("tbody tr td").first()).hasText("nightly_load");
        assertThat(byId("home-slowest").locator("tbody tr").first().locator("td"))
                .hasText(new String[] {"nightly_load", "1 min 10 s", "1 min 20 s", "3"});
        assertThat(byId("home-failing")
                        .locator("tbody tr")
                        .first()
                        .locator("td")
                        .nth(0))
                .hasText("daily_report");
        assertThat(byId("home-failing")
                        .locator("tbody tr")
                        .first()
                        .locator("td")
                        .nth(1))
                .hasText("1");

        Locator stale = byId("home-stale");
        assertThat(stale.locator("h2")).hasText("Not written, last 24 hours (1)");
        assertThat(stale.locator("tbody tr td").first()).hasText("export");

        // orders: written by nightly_load, read by daily_report and weekly_export.
        assertThat(byId("home-connected").locator("tbody tr").first().locator("td"))
                .hasText(new String[] {"orders", WAREHOUSE, "2", "1"});
        assertThat(byId("home-namespaces").locator("tbody tr td:first-child"))
                .hasText(new String[] {WAREHOUSE, SCHEDULER});
        assertThat(byId("home-ingest-rate")).containsText("(about the last minute)");
        screenshot("HomePageUiTest-estate");

        // A week: the export's run counts and it is no longer stale.
        byId("home-period").selectOption("WEEK");
        assertThat(page).hasURL(Pattern.compile(".*#/home\\?period=WEEK$"));
        assertThat(byId("home-runs").locator(".home-figures"))
                .hasText("5 runs: 4 completed, 1 failed, 0 running, 0 aborted");
        assertThat(byId("home-stale").locator("h2")).hasText("Not written, last 7 days (0)");

        byId("home-connected").locator("tbody tr").first().locator("a").click();
        readyGraph("lineage-graph");
        assertThat(page).hasURL(Pattern.compile(".*#/lineage/DATASET:postgres%3A%2F%2Fwarehouse%3A5432:orders$"));
        assertThat(byId("panel-title")).hasText("orders");
    }

    /** START and the terminal event of a new run of {@code job}, reading {@code input} and writing {@code output}. */
    private static List<String> run(
            String job, OffsetDateTime start, OffsetDateTime end, String terminal, String input, String output) {
        String runId = UUID.randomUUID().toString();
        return List.of(
                TestEvents.run("START", runId, SCHEDULER, job, start.toString())
                        .input(WAREHOUSE, input, null)
                        .output(WAREHOUSE, output, null)
                        .json(),
                TestEvents.run(terminal, runId, SCHEDULER, job, end.toString())
                        .input(WAREHOUSE, input, null)
                        .output(WAREHOUSE, output, null)
                        .json());
    }
}
