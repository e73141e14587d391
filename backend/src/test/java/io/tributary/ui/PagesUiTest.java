package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
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
}
