package io.tributary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.tributary.projection.ReadYourWrites;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the browser tests: the whole service (as {@link EndToEndTest}) driven by Debian's headless Chromium through
 * Playwright. One browser for all the test classes of the run (launched by the first, closed when the JVM exits), a
 * fresh browser context and page per test, so no cookie, storage or page state passes from one test to the next; a
 * screenshot of every test's last state goes to {@code target/ui-screenshots/}, and an uncaught script error fails the
 * test.
 */
abstract class BrowserTest extends EndToEndTest {

    /** The run id of {@link #ingestCtasRunADayLater()}. */
    protected static final String CHANGED_RUN = "019127df-0850-72bc-b214-000000000002";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Installed by scripts/ensure-chromium.sh, which the build runs before the tests. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private static final Duration PROJECTION_WAIT = Duration.ofMinutes(2);

    private static Playwright playwright;
    private static Browser browser;
    private static boolean shutdownHooked;

    private BrowserContext context;
    private final List<String> scriptErrors = new ArrayList<>();
    protected Page page;

    /**
     * Launching Playwright's driver and Chromium took about 1.3 s per class, for 17 classes. A browser that crashed or
     * was closed is launched again.
     */
    @BeforeAll
    static synchronized void launchBrowser() {
        if (browser != null && browser.isConnected()) {
            return;
        }
        closeBrowser();
        // No browser download: Playwright only drives the system Chromium.
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        // Generous waits: several builds share the machine's two cores. Nothing asserts on time.
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        if (!shutdownHooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::closeBrowser, "close-test-browser"));
            shutdownHooked = true;
        }
    }

    private static synchronized void closeBrowser() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } catch (RuntimeException alreadyGone) {
            // a crashed browser or driver: nothing left to close
        } finally {
            browser = null;
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900)
                .setTimezoneId("UTC")
                .setLocale("en-US"));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        page.onPageError(scriptErrors::add);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !expectedConsoleError(m.text())) {
                scriptErrors.add(m.text());
            }
        });
    }

    @AfterEach
    void screenshotAndClose(TestInfo test) {
        String name = getClass().getSimpleName() + "-"
                + test.getTestMethod().map(m -> m.getName()).orElse("test");
        screenshot(name);
        context.close();
        assertThat(scriptErrors).as("errors in the page's scripts").isEmpty();
    }

    /** A console error a test expects, such as the browser's own line about a 401 it provoked on purpose. */
    protected boolean expectedConsoleError(String text) {
        return false;
    }

    /** Saves the page as it is now, e.g. at a step worth looking at. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /**
     * Opens the UI at a hash route such as {@code #/runs}, as a fresh page load of that link. A second route on a page
     * already showing the UI would only change the hash: the previous view (a graph already "ready") stays in the page
     * until the app handles the hashchange event, and a check right after navigate() could read it.
     */
    protected void open(String route) {
        String app = "http://127.0.0.1:" + port + "/";
        if (page.url().startsWith(app)) {
            page.navigate("about:blank");
        }
        page.navigate(app + route);
    }

    protected Locator byId(String id) {
        return page.locator("#" + id);
    }

    /** Waits until the graph in the given container has been laid out and drawn. */
    protected Locator readyGraph(String id) {
        Locator graph = page.locator("#" + id + "[data-state=ready]");
        PlaywrightAssertions.assertThat(graph).isVisible();
        return graph;
    }

    /** Names of the nodes the lineage graph draws, read from the Cytoscape instance itself. */
    @SuppressWarnings("unchecked")
    protected List<String> drawnNodeIds() {
        return (List<String>) page.evaluate(
                "() => window.__tributary.lineage.cy.nodes('[kind = \"DATASET\"], [kind = \"JOB\"]').map(n => n.id())");
    }

    /**
     * Ingests a JSON array of events through the batch endpoint; every one must be accepted, and is in the graph when
     * this returns (see {@link #awaitProjected}).
     */
    protected void ingestBatch(String jsonArray) {
        var result = postBatch(jsonArray)
                .expectStatus()
                .is2xxSuccessful()
                .expectBody()
                .jsonPath("$.summary.failed")
                .isEqualTo(0)
                .returnResult();
        awaitProjected(result.getResponseHeaders().getFirst(ReadYourWrites.POSITION));
    }

    /** Posts one event, which must be accepted, and is in the graph when this returns (see {@link #awaitProjected}). */
    protected void ingestOne(String json) {
        var result = post(json).expectStatus().isCreated().expectBody().returnResult();
        awaitProjected(result.getResponseHeaders().getFirst(ReadYourWrites.POSITION));
    }

    /** The read key GraphQL needs where reads are protected; none by default. */
    protected String readKey() {
        return null;
    }

    /**
     * A page opened right after an ingest reads with read-your-writes, which waits only so long (5 s) before answering
     * with what is projected; a cold service's first windows on a loaded machine take longer, and a page does not read
     * again. So a test that expects a page to show what it just ingested waits for the projection as a client would:
     * GraphQL {@code projection} asked with the ingest's {@code Tributary-Log-Position} (each request itself waits for
     * it, up to the read wait) until the projected position reaches it. Nothing to wait for without a log (no header).
     */
    protected void awaitProjected(String position) {
        if (position == null) {
            return;
        }
        long target = Long.parseLong(position);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        long projected;
        do {
            projected = graphQl.mutate()
                    .header(ReadYourWrites.POSITION, position)
                    .headers(headers -> {
                        if (readKey() != null) {
                            headers.setBearerAuth(readKey());
                        }
                    })
                    .build()
                    .document("{ projection { projectedPosition } }")
                    .execute()
                    .path("projection.projectedPosition")
                    .entity(Long.class)
                    .get();
        } while (projected < target && System.nanoTime() < deadline);
        assertThat(projected).as("projected position, waiting for %s", position).isGreaterThanOrEqualTo(target);
    }

    // Fixtures: real events from src/test/resources/openlineage-events (see its README).

    /** Spark CTAS with column lineage: cll_source1 + cll_source2 → default_tbl1 → tbl1. */
    protected void ingestSparkColumnLineage() {
        ingestFiles(IntStream.rangeClosed(1, 9).mapToObj(i -> "spark/compat-tests-cll/" + i + ".json"));
    }

    /** Airflow DAG BQ: upload (two CSVs → BigQuery), copy, download (→ result.csv), task runs under the DAG run. */
    protected void ingestAirflowBigQueryDag() {
        ingestFiles(IntStream.rangeClosed(1, 8).mapToObj(i -> "airflow/compat-tests-bq-dag/line_0" + i + ".json"));
    }

    /** dbt test on Snowflake: five test jobs, customers' failing (unique, not_null on customer_id). */
    protected void ingestDbtTests() {
        ingestBatch(
                Fixtures.text("dbt/ol-dbt-tests/no_test_metadata__result.json").replace("{{ any(result) }}", "1.0.0"));
    }

    /** The CTAS job of the Spark set run again a day later: cll_source1 dropped, output schema changed, SQL reported. */
    protected void ingestCtasRunADayLater() {
        ingestOne(ctasRunADayLater("spark/compat-tests-cll/5.json", "2024-08-07T13:26:53.776Z"));
        ingestOne(ctasRunADayLater("spark/compat-tests-cll/8.json", "2024-08-07T13:26:54.776Z"));
    }

    private static String ctasRunADayLater(String fixture, String eventTime) {
        return Fixtures.sparkCtasRerun(fixture, eventTime, CHANGED_RUN);
    }

    /** One batch request, one transaction: the service settles every value whatever the order of events. */
    private void ingestFiles(Stream<String> fixtures) {
        ingestBatch(fixtures.map(Fixtures::text).collect(Collectors.joining(",", "[", "]")));
    }
}
