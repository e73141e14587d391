package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With reads protected ({@code tributary.read-api-key}, the same setting as {@code access/ReadApiKeyTest}, so the two
 * share one service), the UI asks for the read key once, keeps it for the tab and sends it with every GraphQL request.
 */
@TestPropertySource(properties = "tributary.read-api-key=" + ReadKeyUiTest.READ_KEY)
class ReadKeyUiTest extends BrowserTest {

    static final String READ_KEY = "read-key-for-tests-7f3a";

    @Override
    protected String readKey() {
        return READ_KEY;
    }

    @Override
    protected boolean expectedConsoleError(String text) {
        // Chromium logs every 401 it receives; these are the service asking for the key, as it should.
        return text.contains("status of 401");
    }

    @Test
    void asksForTheReadKeyKeepsItForTheTabAndSendsItWithEveryQuery() {
        ingestSparkColumnLineage();
        var authorizations = new ArrayList<String>();
        page.onRequest((Request r) -> {
            if (r.url().endsWith("/graphql")) {
                authorizations.add(String.valueOf(r.headers().get("authorization")));
            }
        });

        open("#/datasets");
        Locator dialog = byId("read-key-dialog");
        assertThat(dialog).isVisible();
        screenshot("ReadKeyUiTest-prompt");

        // A wrong key is refused by the service and asked for again.
        byId("read-key-input").fill("not-the-key");
        dialog.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(byId("read-key-dialog").getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .hasText("That key was not accepted.");

        byId("read-key-input").fill(READ_KEY);
        byId("read-key-dialog")
                .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON)
                .click();
        Locator rows = byId("datasets-table").locator("tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("/tmp/cll_test/tbl1")))
                .hasCount(1);
        assertThat(byId("read-key-dialog")).hasCount(0);

        // Kept for the tab (sessionStorage, not localStorage): a reload asks no more.
        assertThat(page.evaluate("() => sessionStorage.getItem('tributary.readKey')"))
                .isEqualTo(READ_KEY);
        assertThat(page.evaluate("() => localStorage.length")).isEqualTo(0);
        authorizations.clear();
        page.reload();
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("/tmp/cll_test/tbl1")))
                .hasCount(1);
        assertThat(byId("read-key-dialog")).hasCount(0);
        assertThat(authorizations).isNotEmpty().allMatch(("Bearer " + READ_KEY)::equals);
    }

    @Test
    void graphiQlAsksForTheReadKeyOnceAndSendsTheTabsKeyWithItsQueries() {
        ingestSparkColumnLineage();
        var authorizations = new ArrayList<String>();
        page.onRequest((Request r) -> {
            if (r.url().endsWith("/graphql")) {
                authorizations.add(String.valueOf(r.headers().get("authorization")));
            }
        });
        GraphiQl graphiQl = GraphiQl.offline(page, port);

        // The page opens without a key; its first query (the schema) is refused, and the same dialog as the UI's asks.
        graphiQl.open();
        Locator dialog = byId("read-key-dialog");
        assertThat(dialog).isVisible();
        byId("read-key-input").fill(READ_KEY);
        dialog.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(dialog).hasCount(0);
        graphiQl.run("{ dataset(namespace: \"file\", name: \"/tmp/cll_test/tbl1\") { name } }");
        assertThat(graphiQl.result()).containsText("\"name\": \"/tmp/cll_test/tbl1\"");

        // Kept for the tab, where the web UI finds it too; never in GraphiQL's own (persisted) headers.
        assertThat(page.evaluate("() => sessionStorage.getItem('tributary.readKey')"))
                .isEqualTo(READ_KEY);
        assertThat((String) page.evaluate("() => JSON.stringify(localStorage)")).doesNotContain(READ_KEY);
        authorizations.clear();
        graphiQl.open();
        graphiQl.run("{ dataset(namespace: \"file\", name: \"/tmp/cll_test/cll_source1\") { name } }");
        assertThat(graphiQl.result()).containsText("\"name\": \"/tmp/cll_test/cll_source1\"");
        assertThat(byId("read-key-dialog")).hasCount(0);
        assertThat(authorizations).isNotEmpty().allMatch(("Bearer " + READ_KEY)::equals);
        assertThat(graphiQl.outsideRequests()).as("requests to other hosts").isEmpty();
    }
}
