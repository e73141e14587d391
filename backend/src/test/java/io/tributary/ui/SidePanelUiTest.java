package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.tributary.testing.Fixtures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The side panel's tabs for datasets (Info, Inputs/Outputs, Quality) and jobs (Info, Duration, Compare). */
class SidePanelUiTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TBL1 = "DATASET:file:%2Ftmp%2Fcll_test%2Ftbl1";
    private static final String CTAS_JOB = "JOB:testColumnLevelLineage:open_lineage_integration_create_table"
            + ".execute_create_hive_table_as_select_command.default_tbl1";
    private static final String CTAS_RUN = "019127df-0850-72bc-b214-b255290588a6";

    @Test
    void infoShowsTheDataDictionaryOfADatasetAndTheDetailsOfAJobAndItsRun() {
        ingestSparkColumnLineage();

        open("#/lineage/" + TBL1);
        readyGraph("lineage-graph");
        Locator columns = byId("data-dictionary").locator("tbody tr");
        assertThat(columns).hasCount(3);
        assertThat(columns.nth(0)).hasText("identinteger");
        assertThat(columns.nth(1)).hasText("transstring");
        assertThat(columns.nth(2)).hasText("agglong");
        assertThat(page.locator(".facts")).containsText("Last written");

        open("#/lineage/" + TBL1 + "?select=" + CTAS_JOB + "&run=" + CTAS_RUN);
        readyGraph("lineage-graph");
        Locator run = byId("run-details");
        assertThat(run.locator("h3")).hasText("Run " + CTAS_RUN);
        assertThat(run.locator(".state")).hasText("COMPLETED");
        assertThat(run).containsText("2024-08-06 13:26:53 UTC");
        assertThat(run).containsText("564 ms");
        assertThat(page.locator(".tabpanel > .facts")).containsText("SPARK · SQL_JOB · BATCH");
        assertThat(page.locator(".tabpanel > .facts")).containsText("open_lineage_integration_create_table");
    }

    @Test
    void inputsAndOutputsListTheJobsDatasetsWithTheRunsCountsAndADatasetsProducers() {
        ingestSparkColumnLineage();

        open("#/lineage/" + TBL1 + "?select=" + CTAS_JOB + "&tab=io");
        readyGraph("lineage-graph");
        Locator inputs = byId("job-inputs").locator("tbody tr td:first-child");
        assertThat(inputs).containsText(new String[] {"/tmp/cll_test/cll_source1", "/tmp/cll_test/cll_source2"});
        Locator output = byId("job-outputs").locator("tbody tr");
        assertThat(output).hasCount(1);
        assertThat(output.locator("td").nth(0)).hasText("/tmp/cll_test/tbl1");

        page.evaluate("id => window.__tributary.lineage.view.selectNode(id)", TBL1);
        assertThat(byId("panel-title")).hasText("/tmp/cll_test/tbl1");
        assertThat(byId("producers").locator("tbody tr td").first())
                .hasText("open_lineage_integration_create_table.execute_create_hive_table_as_select_command"
                        + ".default_tbl1");
        assertThat(byId("producers").locator(".state")).hasText("COMPLETED");
        assertThat(page.getByText("Consumed by")).isVisible();
    }

    @Test
    void qualityChartsTheAssertionsOfTheLastRunsAndListsTheNewestOnes() {
        ingestDbtTests();

        open("#/lineage/DATASET:snowflake%3A%2F%2FASDF1234.eu-central-1.aws:DEMO_DB.public.customers?tab=quality");

        readyGraph("lineage-graph");
        assertThat(byId("chart-assertions").locator("canvas")).isVisible();
        Locator numbers = byId("chart-assertions").locator("tbody tr");
        assertThat(numbers).hasCount(1);
        assertThat(numbers.locator("td").nth(1)).hasText("0");
        assertThat(numbers.locator("td").nth(2)).hasText("2");
        Locator assertions = byId("latest-assertions").locator("tbody tr");
        assertThat(assertions).hasCount(2);
        assertThat(assertions.nth(0)).hasText("uniquecustomer_idfailed");
        assertThat(assertions.nth(1)).hasText("not_nullcustomer_idfailed");
        assertThat(page.locator(".tabpanel")).containsText("0 passed, 2 failed.");
    }

    @Test
    void durationChartsTheRunsOfAJobAndMarksTheOutlierTheIssuesApiReports() {
        // Six runs of about a minute and one of ten minutes.
        OffsetDateTime start = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        long[] seconds = {60, 61, 59, 60, 62, 60, 600};
        String slow = null;
        for (int i = 0; i < seconds.length; i++) {
            slow = UUID.randomUUID().toString();
            postRun(slow, "START", start.plusHours(i));
            postRun(slow, "COMPLETE", start.plusHours(i).plusSeconds(seconds[i]));
            // Another job with an outlier of its own at the same times, which neither the tab nor its link shows.
            String other = UUID.randomUUID().toString();
            postRun("weekly_load", other, "START", start.plusHours(i));
            postRun("weekly_load", other, "COMPLETE", start.plusHours(i).plusSeconds(seconds[i] * 2));
        }

        open("#/lineage/JOB:my-scheduler-namespace:nightly_load?tab=duration");

        readyGraph("lineage-graph");
        Locator stats = page.locator(".tabpanel > .facts");
        assertThat(stats).containsText("Completed runs7");
        assertThat(stats).containsText("Median (p50)1 min 0 s");
        assertThat(stats).containsText("Longest10 min 0 s");
        assertThat(byId("chart-duration").locator("canvas")).isVisible();
        assertThat(byId("duration-outliers").locator("li"))
                .hasText(slow.substring(0, 8) + "…" + slow.substring(slow.length() - 4)
                        + ": nightly_load took 600000 ms; usually 60333 ms ± 943 ms");
        Locator runs = byId("duration-runs").locator("tbody tr");
        assertThat(runs).hasCount(7);
        assertThat(runs.first().locator("td").nth(3)).hasText("10 min 0 s outlier");
        assertThat(runs.nth(1).locator("td").nth(3)).hasText("1 min 0 s");

        // Every issue of this job: the Issues page narrowed to it by the API's job filter.
        byId("job-issues-link").click();
        assertThat(page)
                .hasURL(Pattern.compile(".*#/issues\\?since=all&job=JOB%3Amy-scheduler-namespace%3Anightly_load$"));
        assertThat(byId("issues-job")).containsText("Only issues of job nightly_load (my-scheduler-namespace).");
        Locator durations = byId("issues-job-duration");
        assertThat(durations.locator("h2")).hasText("Job duration (1)");
        assertThat(durations.locator("tbody tr td").nth(1)).hasText("nightly_load");
        screenshot("SidePanelUiTest-issues-of-one-job");
        byId("issues-job").getByText("Show every job").click();
        assertThat(durations.locator("h2")).hasText("Job duration (2)");
        assertThat(byId("issues-job")).hasCount(0);
    }

    @Test
    void compareShowsWhatChangedBetweenTwoRunsAndHighlightsTheChangedDatasets() {
        ingestSparkColumnLineage();
        ingestCtasRunADayLater();

        open("#/lineage/" + TBL1 + "?select=" + CTAS_JOB + "&tab=compare");
        readyGraph("lineage-graph");

        // The newest run is compared with the one before unless the URL names both.
        assertThat(byId("compare-a")).hasValue(CTAS_RUN);
        assertThat(byId("compare-b")).hasValue(CHANGED_RUN);
        Locator result = page.locator(".compare-result");
        assertThat(result.locator(".facts")).containsText("Duration change+436 ms");
        assertThat(result.locator(".facts")).containsText("SQLchanged");
        assertThat(byId("inputs-removed")).hasText("/tmp/cll_test/cll_source1");
        Locator changes = result.locator("table.schema-change tbody tr");
        assertThat(changes).hasCount(3);
        assertThat(changes.nth(0)).hasText("addedextrastring");
        assertThat(changes.nth(1)).hasText("removedtransstring");
        assertThat(changes.nth(2)).hasText("retypedagglong → double");
        assertThat(byId("sql-diff")).hasText("+ CREATE TABLE tbl1 AS SELECT ...");
        assertThat(byId("lineage-graph")).hasAttribute("data-changed", "2");
        assertThat(result.locator(".facts")).containsText("2 changed nodes highlighted");

        // Swapping the runs is a shareable link too.
        byId("compare-a").selectOption(CHANGED_RUN);
        byId("compare-b").selectOption(CTAS_RUN);
        page.locator(".compare-form button").click();
        assertThat(result.locator(".facts")).containsText("Duration change−436 ms");
        assertThat(byId("inputs-added")).hasText("/tmp/cll_test/cll_source1");
    }

    /** The spec's minimal COMPLETE example, re-identified as one run of the job nightly_load at a given time. */
    private void postRun(String runId, String eventType, OffsetDateTime time) {
        postRun("nightly_load", runId, eventType, time);
    }

    private void postRun(String job, String runId, String eventType, OffsetDateTime time) {
        var event = (ObjectNode) JSON.readTree(Fixtures.text("spec-examples/fluentd__event_simple.json"));
        ((ObjectNode) event.get("run")).put("runId", runId);
        event.put("eventType", eventType);
        event.put("eventTime", time.toString());
        ((ObjectNode) event.get("job")).put("name", job);
        ingestOne(event.toString());
    }
}
