package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.tributary.testing.Fixtures;
import io.tributary.testing.TestEvents;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The run view's lineage: extract wrote raw twice; transform's run started between the two and read the first, then
 * wrote clean, which report read. The transform run's view names the first extract run (not the latest) as what
 * produced its input, and the report run as what read its output; the links open those runs.
 */
class RunLineageUiTest extends BrowserTest {

    private static final String NS = "chain";
    private static final String E1 = "00000000-0000-4000-8000-00000000e001";
    private static final String E2 = "00000000-0000-4000-8000-00000000e002";
    private static final String T1 = "00000000-0000-4000-8000-00000000f001";
    private static final String R1 = "00000000-0000-4000-8000-00000000a001";
    private static final String FIELDS = "[{\"name\":\"id\",\"type\":\"bigint\"}]";

    private static List<String> events() {
        return List.of(
                TestEvents.run("START", E1, NS, "extract", "2025-03-01T00:00:00Z")
                        .json(),
                TestEvents.run("COMPLETE", E1, NS, "extract", "2025-03-01T00:10:00Z")
                        .output(NS, "raw", FIELDS)
                        .json(),
                TestEvents.run("START", T1, NS, "transform", "2025-03-01T00:20:00Z")
                        .input(NS, "raw", FIELDS)
                        .json(),
                TestEvents.run("START", E2, NS, "extract", "2025-03-01T00:30:00Z")
                        .json(),
                TestEvents.run("COMPLETE", E2, NS, "extract", "2025-03-01T00:40:00Z")
                        .output(NS, "raw", FIELDS)
                        .json(),
                TestEvents.run("COMPLETE", T1, NS, "transform", "2025-03-01T00:50:00Z")
                        .input(NS, "raw", FIELDS)
                        .output(NS, "clean", FIELDS)
                        .json(),
                TestEvents.run("START", R1, NS, "report", "2025-03-01T01:00:00Z")
                        .input(NS, "clean", FIELDS)
                        .json(),
                TestEvents.run("COMPLETE", R1, NS, "report", "2025-03-01T01:10:00Z")
                        .input(NS, "clean", FIELDS)
                        .output(NS, "summary", FIELDS)
                        .json());
    }

    @Test
    void theRunViewShowsWhichRunsProducedWhatItReadAndWhichReadWhatItWrote() {
        ingestBatch(Fixtures.array(events()));

        open("#/lineage/JOB:chain:transform?run=" + T1);
        Locator upstream = byId("run-upstream").locator("li");
        assertThat(upstream).hasCount(1);
        assertThat(upstream.first()).hasAttribute("data-from", E1);
        assertThat(upstream.first()).containsText("extract");
        assertThat(upstream.first()).containsText("raw");
        Locator downstream = byId("run-downstream").locator("li");
        assertThat(downstream).hasCount(1);
        assertThat(downstream.first()).hasAttribute("data-to", R1);
        assertThat(downstream.first()).containsText("report");
        screenshot("RunLineageUiTest-run-lineage");

        // The writer's link opens the first extract run, whose output this transform run read.
        upstream.first().locator("a[title='" + E1 + "']").click();
        assertThat(page).hasURL(Pattern.compile(".*JOB:chain:extract\\?run=" + E1 + "$"));
        assertThat(byId("run-upstream")).containsText("No known run wrote what this run read.");
        assertThat(byId("run-downstream").locator("li").first()).hasAttribute("data-to", T1);
    }
}
