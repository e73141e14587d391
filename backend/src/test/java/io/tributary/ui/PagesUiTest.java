package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Runs, Issues and Datasets pages over real fixture events. */
class PagesUiTest extends BrowserTest {

    @Test
    void issuesPageShowsTheFailedDbtTestAndItsFailedAssertions() {
        ingestDbtTests();

        open("#/issues?since=all");

        Locator execution = byId("issues-job-execution");
        assertThat(execution.locator("h2")).hasText("Job execution (1)");
        assertThat(execution.locator("tbody tr")).hasCount(1);
        assertThat(execution.locator("tbody tr td").nth(1)).hasText("DEMO_DB.public.jaffle_shop.customers.test");
        assertThat(execution.locator(".state")).hasText("FAILED");

        Locator quality = byId("issues-data-quality");
        assertThat(quality.locator("h2")).hasText("Data quality (1)");
        assertThat(quality.locator("tbody tr td").nth(2)).hasText("DEMO_DB.public.customers");
        assertThat(quality.locator("tbody tr td").nth(4))
                .hasText(
                        "2 failed assertion(s) on DEMO_DB.public.customers: unique(customer_id), not_null(customer_id)");

        assertThat(byId("issues-job-duration").locator("h2")).hasText("Job duration (0)");
    }

    @Test
    void runsPageListsTheNewestRunsFiltersThemAndOpensOneInTheGraph() {
        ingestAirflowBigQueryDag();
        ingestSparkColumnLineage();

        open("#/runs");
        Locator rows = byId("runs-table").locator("tbody tr");
        assertThat(rows).hasCount(8);
        assertThat(rows.first().locator("td")).hasText(new String[] {
            "BQ.download", "COMPLETED", "2024-11-26 13:05:37 UTC", "1.8 s", "01936893…" + last4(rows.first())
        });

        byId("runs-namespace").selectOption("airflow");
        page.locator(".filters button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*#/runs\\?namespace=airflow$"));
        assertThat(rows).hasCount(4);
        assertThat(rows.locator("td:first-child")).hasText(new String[] {"BQ.download", "BQ.copy", "BQ.upload", "BQ"});
        screenshot("PagesUiTest-runs-airflow");

        rows.nth(1).locator("td").first().locator("a").click();
        readyGraph("lineage-graph");
        assertThat(page).hasURL(Pattern.compile(".*#/lineage/JOB:airflow:BQ\\.copy\\?run=.*"));
        assertThat(byId("panel-title")).hasText("BQ.copy");
        assertThat(byId("run-details").locator(".state")).hasText("COMPLETED");
        assertThat(byId("run-details")).containsText("2.9 s");
        assertThat(byId("run-details")).containsText("bigquery");
    }

    @Test
    void runsPageFiltersByState() {
        ingestDbtTests();

        open("#/runs?state=FAILED");

        Locator rows = byId("runs-table").locator("tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.locator("td").nth(0)).hasText("DEMO_DB.public.jaffle_shop.customers.test");
        assertThat(byId("runs-state")).hasValue("FAILED");
    }

    @Test
    void datasetsPageListsDatasetsWithTheirLastAccessAndFiltersByNamespace() {
        ingestAirflowBigQueryDag();

        open("#/datasets");
        Locator rows = byId("datasets-table").locator("tbody tr");
        assertThat(rows.locator("td:first-child")).hasText(new String[] {
            "mock-project.test.upload", "mock-project.test.upload_cp", "copied.csv", "result.csv", "test.csv"
        });
        assertThat(rows.nth(3).locator("td")).hasText(new String[] {
            "result.csv", "gs://mock-bucket", "2024-11-26 13:05:39 UTC (written)", "2024-11-26 13:05:39 UTC"
        });
        assertThat(rows.nth(0).locator("td").nth(2)).hasText("2024-11-26 13:05:34 UTC (read)");

        byId("datasets-namespace").selectOption("bigquery");
        assertThat(page).hasURL(Pattern.compile(".*#/datasets\\?namespace=bigquery$"));
        assertThat(rows).hasCount(2);

        rows.nth(1).locator("a").click();
        readyGraph("lineage-graph");
        assertThat(byId("panel-title")).hasText("mock-project.test.upload_cp");
    }

    /** The last four characters of the run id in a runs-table row (UUIDv7 ids of one DAG run share their start). */
    private static String last4(Locator row) {
        String id = row.getAttribute("data-run-id");
        return id.substring(id.length() - 4);
    }
}
