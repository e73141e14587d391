package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * What a new user meets first, over real events: nothing stray on the pages, runs without a START event described
 * with what is known, and the Issues page showing the issues of a store whose events are older than its default period.
 */
class FirstVisitUiTest extends BrowserTest {

    /** Spark's run of this job sent its COMPLETE (2024-08-06 13:26:53.511 UTC) but no START. */
    private static final String CREATE_SOURCE2 =
            "open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source2";

    @Test
    void issuesFiltersHoldOnlyTheirControls() {
        ingestDbtTests();

        open("#/issues?since=all");

        assertThat(page.locator(".results[data-state=ready]")).isVisible();
        assertThat(page.locator("form.filters"))
                .hasText("PeriodLast 24 hoursLast 7 daysLast 30 daysLast yearAll time"
                        + "KindsJob executionJob durationData qualityApply");
    }

    @Test
    void issuesWithoutAPeriodWidenTheDefaultLastSevenDaysToShowOlderIssuesAndSaySo() {
        ingestDbtTests(); // dbt test events of 2021

        open("#/issues");

        assertThat(byId("issues-widened")).hasText("No issues in the last 7 days; showing all time.");
        assertThat(byId("issues-since")).hasValue("all");
        assertThat(byId("issues-job-execution").locator("h2")).hasText("Job execution (1)");
        assertThat(byId("issues-data-quality").locator("h2")).hasText("Data quality (1)");
    }

    @Test
    void issuesWithAPeriodInTheLinkKeepIt() {
        ingestDbtTests();

        open("#/issues?since=7d");

        assertThat(byId("issues-job-execution").locator("h2")).hasText("Job execution (0)");
        assertThat(byId("issues-widened")).hasCount(0);
        assertThat(byId("issues-since")).hasValue("7d");
    }

    @Test
    void runsWithoutAStartEventShowTheirEndAndNoDuration() {
        ingestSparkColumnLineage();

        open("#/runs");

        Locator row =
                byId("runs-table").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(CREATE_SOURCE2));
        assertThat(row.locator("td")).hasText(new String[] {
            CREATE_SOURCE2, "COMPLETED", "no START received, ended 2024-08-06 13:26:53 UTC", "—", "019127df…fe60"
        });
    }

    @Test
    void aJobsLatestRunWithoutAStartEventSaysSoInsteadOfAnEmptyStart() {
        ingestSparkColumnLineage();

        open("#/lineage/JOB:testColumnLevelLineage:" + CREATE_SOURCE2);
        readyGraph("lineage-graph");

        assertThat(page.locator(".tabpanel > .facts"))
                .containsText("Latest runCOMPLETED 019127df…fe60 · no START received, ended 2024-08-06 13:26:53 UTC");
    }
}
