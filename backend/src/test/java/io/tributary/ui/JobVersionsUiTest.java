package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Versions in the lineage view, over the real Spark CTAS events and the same job's run a day later that no longer
 * reads cll_source1: the current graph leaves that input out, a time window draws its edge as history (dashed,
 * grey, in the legend), and the job's Versions tab lists both versions with what changed.
 */
class JobVersionsUiTest extends BrowserTest {

    private static final String TBL1 = "DATASET:file:%2Ftmp%2Fcll_test%2Ftbl1";
    private static final String SOURCE1 = "DATASET:file:%2Ftmp%2Fcll_test%2Fcll_source1";
    private static final String SOURCE2 = "DATASET:file:%2Ftmp%2Fcll_test%2Fcll_source2";
    private static final String CTAS_JOB = "JOB:testColumnLevelLineage:open_lineage_integration_create_table"
            + ".execute_create_hive_table_as_select_command.default_tbl1";

    @Test
    void historyEdgesAreLeftOutByDefaultAndDrawnDashedInATimeWindow() {
        ingestSparkColumnLineage();
        ingestCtasRunADayLater();

        open("#/lineage/" + TBL1);
        readyGraph("lineage-graph");
        assertThat(byId("lineage-graph")).hasAttribute("data-history-edges", "0");
        assertThat(drawnNodeIds()).contains(CTAS_JOB, SOURCE2).doesNotContain(SOURCE1);
        assertThat(byId("since")).hasValue("");

        byId("since").selectOption("all");
        page.locator(".toolbar button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*[?&]since=all(&.*)?$"));
        assertThat(byId("lineage-graph")).hasAttribute("data-history-edges", "1");
        readyGraph("lineage-graph");
        assertThat(drawnNodeIds()).contains(SOURCE1, SOURCE2, CTAS_JOB);
        assertThat(edgeStyle(SOURCE1 + "->" + CTAS_JOB)).isEqualTo("dashed");
        assertThat(edgeStyle(SOURCE2 + "->" + CTAS_JOB)).isEqualTo("solid");
        assertThat(byId("since-notice")).containsText("edges no longer in their job’s current version are dashed");
        assertThat(page.locator(".legend")).containsText("History: no longer read or written");
        screenshot("JobVersionsUiTest-history-edges");

        // The window is in the link: opened afresh, the same graph.
        open("#/lineage/" + TBL1 + "?since=all");
        assertThat(byId("lineage-graph")).hasAttribute("data-history-edges", "1");
        assertThat(byId("since")).hasValue("all");

        byId("since-notice").getByText("Show the current lineage").click();
        assertThat(byId("lineage-graph")).hasAttribute("data-history-edges", "0");
        readyGraph("lineage-graph");
        assertThat(drawnNodeIds()).doesNotContain(SOURCE1);
    }

    @Test
    void theVersionsTabListsEachVersionWithWhatChanged() {
        ingestSparkColumnLineage();
        ingestCtasRunADayLater();

        open("#/lineage/" + TBL1 + "?select=" + CTAS_JOB + "&tab=versions");
        readyGraph("lineage-graph");
        Locator versions = byId("job-versions").locator("> li");
        assertThat(versions).hasCount(2);

        Locator newest = versions.nth(0);
        assertThat(newest).hasClass(Pattern.compile("version-current"));
        assertThat(newest.locator(".current-badge")).hasText("current");
        assertThat(newest.locator(".inputs-removed")).hasText("Inputs removed: /tmp/cll_test/cll_source1");
        assertThat(newest.locator(".inputs-added")).hasCount(0);
        assertThat(newest.locator(".version-sql-diff .diff-add")).hasText("+CREATE TABLE tbl1 AS SELECT ...");
        // The version's newest run, as run links shorten ids.
        assertThat(newest.locator(".facts"))
                .containsText(CHANGED_RUN.substring(0, 8) + "…" + CHANGED_RUN.substring(CHANGED_RUN.length() - 4));

        Locator first = versions.nth(1);
        assertThat(first.locator(".current-badge")).hasCount(0);
        assertThat(first.locator(".first-version")).hasText("The first version seen.");
        assertThat(first.locator(".facts")).containsText("/tmp/cll_test/cll_source1, /tmp/cll_test/cll_source2");
    }

    private String edgeStyle(String id) {
        return (String) page.evaluate("id => window.__tributary.lineage.cy.$id(id).style('line-style')", id);
    }
}
