package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GraphiQL comes from the service itself: with the internet cut off it still loads and answers a query. */
class GraphiQlUiTest extends BrowserTest {

    @Test
    void loadsWithoutTheInternetAndAnswersAQueryWithRealData() {
        ingestSparkColumnLineage();
        GraphiQl graphiQl = GraphiQl.offline(page, port);

        graphiQl.open();
        graphiQl.run("{ dataset(namespace: \"file\", name: \"/tmp/cll_test/tbl1\") { name producers { name } } }");

        assertThat(graphiQl.result())
                .containsText("open_lineage_integration_create_table.execute_create_hive_table_as_select_command"
                        + ".default_tbl1");
        assertThat(graphiQl.result()).containsText("\"name\": \"/tmp/cll_test/tbl1\"");
        assertThat(graphiQl.outsideRequests()).as("requests to other hosts").isEmpty();
    }
}
