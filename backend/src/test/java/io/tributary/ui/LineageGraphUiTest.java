package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Search, the lineage graph (nodes, edges, depth, expand/collapse, run state colours) and column lineage. */
class LineageGraphUiTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TBL1 = "DATASET:file:%2Ftmp%2Fcll_test%2Ftbl1";
    private static final String SOURCE1 = "DATASET:file:%2Ftmp%2Fcll_test%2Fcll_source1";
    private static final String SOURCE2 = "DATASET:file:%2Ftmp%2Fcll_test%2Fcll_source2";
    private static final String CTAS_JOB = "JOB:testColumnLevelLineage:open_lineage_integration_create_table"
            + ".execute_create_hive_table_as_select_command.default_tbl1";
    private static final String CREATE_SOURCE1_JOB = "JOB:testColumnLevelLineage:open_lineage_integration_create_table"
            + ".execute_create_table_command.cll_test_cll_source1";
    private static final String CREATE_SOURCE2_JOB = "JOB:testColumnLevelLineage:open_lineage_integration_create_table"
            + ".execute_create_table_command.cll_test_cll_source2";

    @Test
    void searchOpensADatasetAndTheGraphDrawsItsWholeLineage() {
        ingestAirflowBigQueryDag();
        open("#/lineage");

        byId("search-input").fill("upload_cp");
        Locator first = page.locator("#search-results [role=option]").first();
        assertThat(first).containsText("mock-project.test.upload_cp");
        assertThat(first.locator(".kind")).hasText("Dataset");
        byId("search-input").press("Enter");

        Locator graph = readyGraph("lineage-graph");
        assertThat(page).hasURL(Pattern.compile(".*#/lineage/DATASET:bigquery:mock-project\\.test\\.upload_cp$"));
        assertThat(graph).hasAttribute("data-nodes", "8");
        assertThat(graph).hasAttribute("data-edges", "7");
        assertThat(drawnNodeIds())
                .containsExactlyInAnyOrder(
                        "DATASET:gs%3A%2F%2Fmock-bucket:copied.csv",
                        "DATASET:gs%3A%2F%2Fmock-bucket:test.csv",
                        "JOB:airflow:BQ.upload",
                        "DATASET:bigquery:mock-project.test.upload",
                        "JOB:airflow:BQ.copy",
                        "DATASET:bigquery:mock-project.test.upload_cp",
                        "JOB:airflow:BQ.download",
                        "DATASET:gs%3A%2F%2Fmock-bucket:result.csv");
        assertThat(drawnEdges())
                .containsExactlyInAnyOrder(
                        "DATASET:gs%3A%2F%2Fmock-bucket:copied.csv->JOB:airflow:BQ.upload",
                        "DATASET:gs%3A%2F%2Fmock-bucket:test.csv->JOB:airflow:BQ.upload",
                        "JOB:airflow:BQ.upload->DATASET:bigquery:mock-project.test.upload",
                        "DATASET:bigquery:mock-project.test.upload->JOB:airflow:BQ.copy",
                        "JOB:airflow:BQ.copy->DATASET:bigquery:mock-project.test.upload_cp",
                        "DATASET:bigquery:mock-project.test.upload_cp->JOB:airflow:BQ.download",
                        "JOB:airflow:BQ.download->DATASET:gs%3A%2F%2Fmock-bucket:result.csv");
        assertThat(byId("truncated-notice")).hasCount(0);
        assertThat(byId("graph-summary")).hasText("8 nodes, 7 edges.");

        // The start node is selected and described in the side panel.
        assertThat(byId("panel-title")).hasText("mock-project.test.upload_cp");
        assertThat(byId("data-dictionary").locator("tbody tr")).hasCount(4);
        assertThat(byId("data-dictionary").locator("tbody tr").first()).hasText("aINTEGER");
    }

    @Test
    void jobsAreColouredByTheStateOfTheirLatestRunAsTheLegendSays() {
        ingestDbtTests();

        open("#/lineage/DATASET:snowflake%3A%2F%2FASDF1234.eu-central-1.aws:DEMO_DB.public.customers");

        readyGraph("lineage-graph");
        String job = "JOB:dbt-test-namespace:DEMO_DB.public.jaffle_shop.customers.test";
        assertThat(nodeStyle(job, "background-color")).isEqualTo("rgb(253,224,222)");
        assertThat(nodeStyle(job, "border-color")).isEqualTo("rgb(179,38,30)");
        assertThat(nodeStyle(job, "shape")).isEqualTo("round-rectangle");
        assertThat(nodeStyle("DATASET:snowflake%3A%2F%2FASDF1234.eu-central-1.aws:DEMO_DB.public.customers", "shape"))
                .isEqualTo("barrel");
        assertThat(page.locator(".legend li").filter(new Locator.FilterOptions().setHasText("last run failed")))
                .hasText("Job, last run failed");

        // The dataset whose newest dbt tests failed is marked, as the legend says.
        String customers = "DATASET:snowflake%3A%2F%2FASDF1234.eu-central-1.aws:DEMO_DB.public.customers";
        assertThat(nodeStyle(customers, "border-color")).isEqualTo("rgb(179,38,30)");
        assertThat(nodeStyle(customers, "border-style")).isEqualTo("double");
        assertThat(page.locator(".legend li").filter(new Locator.FilterOptions().setHasText("quality")))
                .hasText("Dataset, latest quality checks failed");
        screenshot("LineageGraphUiTest-quality-checks-failed");

        // The node list is the keyboard- and screen-reader-friendly way to the same nodes.
        page.locator(".node-list-box summary").click();
        page.locator(".node-list button")
                .filter(new Locator.FilterOptions().setHasText("customers.test"))
                .click();
        assertThat(byId("panel-title")).hasText("DEMO_DB.public.jaffle_shop.customers.test");
        assertThat(page.locator(".facts .state")).hasText("FAILED");
        assertThat(page.locator(".node-list li")
                        .filter(new Locator.FilterOptions().setHasText("DEMO_DB.public.customers")))
                .containsText("latest quality checks failed");

        // A dataset whose tests passed keeps the plain dataset border.
        open("#/lineage/DATASET:snowflake%3A%2F%2FASDF1234.eu-central-1.aws:DEMO_DB.public.orders");
        readyGraph("lineage-graph");
        String orders = "DATASET:snowflake%3A%2F%2FASDF1234.eu-central-1.aws:DEMO_DB.public.orders";
        assertThat(page.locator("#lineage-graph[data-state=ready]")).isVisible();
        assertThat(drawnNodeIds()).contains(orders);
        assertThat(nodeStyle(orders, "border-color")).isEqualTo("rgb(91,63,180)");
        assertThat(nodeStyle(orders, "border-style")).isEqualTo("solid");
    }

    @Test
    void longNamesLoseTheirMiddleAndShowInFullOnHover() {
        ingestSparkColumnLineage();

        open("#/lineage/" + TBL1 + "?up=4&down=0");
        Locator graph = readyGraph("lineage-graph");
        // The head (where it lives) and the distinctive tail (which table) stay.
        assertThat(label(CREATE_SOURCE2_JOB)).isEqualTo("open_lin…t_cll_source2");
        assertThat(label(SOURCE2)).isEqualTo("/tmp/cll…t/cll_source2");
        assertThat(label(TBL1)).isEqualTo("/tmp/cll_test/tbl1");
        assertThat(graph)
                .hasAttribute("aria-label", Pattern.compile("^Lineage graph, /tmp/cll_test/tbl1 selected\\. .*"));

        @SuppressWarnings("unchecked")
        var at = (Map<String, Number>) page.evaluate(
                "id => { const p = window.__tributary.lineage.cy.$id(id).renderedPosition();"
                        + " const r = document.getElementById('lineage-graph').getBoundingClientRect();"
                        + " return { x: r.left + p.x, y: r.top + p.y }; }",
                CREATE_SOURCE2_JOB);
        page.mouse().move(at.get("x").doubleValue(), at.get("y").doubleValue());
        assertThat(graph)
                .hasAttribute(
                        "title",
                        "open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source2");
        page.evaluate("id => window.__tributary.lineage.view.selectNode(id)", CREATE_SOURCE2_JOB);
        assertThat(graph)
                .hasAttribute(
                        "aria-label",
                        Pattern.compile("^Lineage graph, open_lineage_integration_create_table"
                                + "\\.execute_create_table_command\\.cll_test_cll_source2 selected\\. .*"));
    }

    private String label(String id) {
        return (String) page.evaluate("id => window.__tributary.lineage.cy.$id(id).data('label')", id);
    }

    @Test
    void depthControlsExpandAndCollapseChangeWhatIsDrawnAndTruncationIsFlagged() {
        ingestSparkColumnLineage();

        // Two steps upstream: the CTAS job and its two inputs; their producers are cut off.
        open("#/lineage/" + TBL1 + "?up=2&down=0");
        Locator graph = readyGraph("lineage-graph");
        assertThat(graph).hasAttribute("data-nodes", "4");
        assertThat(drawnNodeIds()).containsExactlyInAnyOrder(TBL1, CTAS_JOB, SOURCE1, SOURCE2);
        assertThat(graph).hasAttribute("data-truncated", "true");
        assertThat(byId("truncated-notice")).containsText("Truncated");
        screenshot("LineageGraphUiTest-truncated");

        // Expanding cll_source1 brings its producer.
        page.evaluate("id => window.__tributary.lineage.view.selectNode(id)", SOURCE1);
        assertThat(byId("panel-title")).hasText("/tmp/cll_test/cll_source1");
        page.getByText("Expand neighbours").click();
        assertThat(page.locator("#lineage-graph[data-state=ready][data-nodes='5']"))
                .isVisible();
        assertThat(drawnNodeIds()).contains(CREATE_SOURCE1_JOB).doesNotContain(CREATE_SOURCE2_JOB);

        // Collapsing it again removes what only it led to.
        page.getByText("Collapse neighbours").click();
        assertThat(page.locator("#lineage-graph[data-state=ready][data-nodes='4']"))
                .isVisible();
        assertThat(drawnNodeIds()).doesNotContain(CREATE_SOURCE1_JOB);

        // A deeper upstream walk reaches both producers and nothing is cut off any more.
        byId("depth-up").fill("4");
        page.getByText("Apply").click();
        assertThat(page).hasURL(Pattern.compile(".*up=4.*"));
        assertThat(page.locator("#lineage-graph[data-state=ready][data-nodes='6']"))
                .isVisible();
        assertThat(graph).hasAttribute("data-truncated", "false");
        assertThat(byId("truncated-notice")).hasCount(0);
        assertThat(drawnNodeIds()).contains(CREATE_SOURCE1_JOB, CREATE_SOURCE2_JOB);
    }

    @Test
    void aSelectedNodeAndTabAreInTheUrlSoALinkReopensThem() {
        ingestSparkColumnLineage();

        open("#/lineage/" + TBL1 + "?select=" + CTAS_JOB + "&tab=io");

        readyGraph("lineage-graph");
        assertThat(byId("panel-title"))
                .hasText("open_lineage_integration_create_table.execute_create_hive_table_as_select_command"
                        + ".default_tbl1");
        assertThat(byId("tab-io")).hasAttribute("aria-selected", "true");
        assertThat(page.evaluate("() => window.__tributary.lineage.cy.$(':selected').id()"))
                .isEqualTo(CTAS_JOB);

        // Tabs follow the arrow keys, and the URL follows the tab.
        byId("tab-io").press("ArrowRight");
        assertThat(byId("tab-duration")).hasAttribute("aria-selected", "true");
        assertThat(page).hasURL(Pattern.compile(".*tab=duration.*"));

        // In the focused graph, the arrow keys move the selection along the edges.
        byId("lineage-graph").press("ArrowRight");
        assertThat(byId("panel-title")).hasText("/tmp/cll_test/tbl1");
        byId("lineage-graph").press("ArrowLeft");
        assertThat(byId("panel-title"))
                .hasText("open_lineage_integration_create_table.execute_create_hive_table_as_select_command"
                        + ".default_tbl1");
    }

    @Test
    void asOfShowsTheLineageAsItStoodAtAPastTime() {
        ingestSparkColumnLineage();
        ingestCtasRunADayLater(); // which no longer reads cll_source1

        open("#/lineage/" + TBL1 + "?up=2&down=0&asOf=2024-08-08T00:00:00.000Z");
        Locator graph = readyGraph("lineage-graph");
        assertThat(graph).hasAttribute("data-nodes", "3");
        assertThat(drawnNodeIds()).containsExactlyInAnyOrder(TBL1, CTAS_JOB, SOURCE2);
        assertThat(byId("as-of-notice"))
                .hasText("Lineage as it stood at 2024-08-08 00:00:00 UTC. Show it as it is now");
        assertThat(byId("as-of")).hasValue("2024-08-08T00:00");

        byId("as-of").fill("2024-08-06T14:00");
        page.getByText("Apply").click();
        assertThat(page.locator("#lineage-graph[data-state=ready][data-nodes='4']"))
                .isVisible();
        assertThat(page).hasURL(Pattern.compile(".*asOf=2024-08-06T14%3A00%3A00\\.000Z.*"));
        assertThat(drawnNodeIds()).containsExactlyInAnyOrder(TBL1, CTAS_JOB, SOURCE1, SOURCE2);
    }

    @Test
    void aLinkToAnUnknownNodeSaysSoInsteadOfDrawing() {
        open("#/lineage/DATASET:nowhere:no_such_table");

        assertThat(page.locator("#lineage-graph[data-state=error]")).hasCount(1);
        assertThat(page.locator(".graph-notices .message-error")).containsText("Could not load: ");
        assertThat(page.locator(".side-panel .message-error")).containsText("no_such_table");
    }

    @Test
    void aLargeAnswerIsLaidOutInLayersByDistanceWithoutOverlaps() {
        // orders (warehouse) → 400 jobs (warehouse) → 400 tables (lake): lake collapses, one namespace group stays.
        ingestFanOut(400, "warehouse", "load");

        open("#/lineage/DATASET:warehouse:orders?up=0&down=2");

        Locator graph = readyGraph("lineage-graph");
        assertThat(graph).hasAttribute("data-nodes", "401");
        assertThat(page.evaluate("() => window.__tributary.lineage.layout")).isEqualTo("levels");
        // Each node's x is its distance from the start; the collapsed namespace sits below the group's box.
        @SuppressWarnings("unchecked")
        var columns = (Map<String, Object>)
                page.evaluate(
                        "() => { const cy = window.__tributary.lineage.cy;"
                                + " const x = (s) => [...new Set(cy.nodes(s).map(n => Math.round(n.position('x'))))];"
                                + " return { start: x('node.root'), jobs: x('[kind = \"JOB\"]'), lake: x('[kind = \"NAMESPACE\"]') }; }");
        assertThat((List<?>) columns.get("jobs")).hasSize(1);
        assertThat(((Number) ((List<?>) columns.get("jobs")).getFirst()).doubleValue())
                .isGreaterThan(((Number) ((List<?>) columns.get("start")).getFirst()).doubleValue());
        assertThat(((Number) ((List<?>) columns.get("lake")).getFirst()).doubleValue())
                .isGreaterThan(((Number) ((List<?>) columns.get("jobs")).getFirst()).doubleValue());
        assertThat(
                        page.evaluate(
                                "() => { const cy = window.__tributary.lineage.cy;"
                                        + " return cy.$id('NAMESPACE:lake').boundingBox().y1 > cy.$id('GROUP:warehouse').boundingBox().y2; }"))
                .isEqualTo(true);
        // No two nodes overlap.
        assertThat(
                        page.evaluate(
                                "() => { const boxes = window.__tributary.lineage.cy.nodes().filter(n => !n.isParent())"
                                        + ".map(n => n.boundingBox()).sort((a, b) => a.x1 - b.x1 || a.y1 - b.y1); let overlaps = 0;"
                                        + " for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length && boxes[j].x1 < boxes[i].x2; j++)"
                                        + " if (boxes[j].y1 < boxes[i].y2 && boxes[i].y1 < boxes[j].y2) overlaps++; return overlaps; }"))
                .isEqualTo(0);
    }

    @Test
    void onANarrowScreenTheSidePanelGoesBelowTheGraph() {
        ingestSparkColumnLineage();
        page.setViewportSize(390, 844);

        open("#/lineage/" + TBL1);

        readyGraph("lineage-graph");
        var graph = byId("lineage-graph").boundingBox();
        var panel = page.locator(".side-panel").boundingBox();
        assertThat(panel.y).isGreaterThanOrEqualTo(graph.y + graph.height);
        assertThat(panel.width).isGreaterThan(300);
        assertThat(byId("panel-title")).hasText("/tmp/cll_test/tbl1");
    }

    @Test
    void columnLineageShowsEachInputColumnWithItsTransformations() {
        ingestSparkColumnLineage();
        open("#/lineage");

        byId("search-input").fill("agg");
        Locator option = page.locator("#search-results [role=option]").first();
        assertThat(option).containsText("/tmp/cll_test/tbl1 › agg");
        byId("search-input").press("ArrowDown");
        byId("search-input").press("Enter");

        Locator graph = readyGraph("column-graph");
        assertThat(page).hasURL(Pattern.compile(".*#/columns/FIELD:file:%2Ftmp%2Fcll_test%2Ftbl1:agg$"));
        assertThat(graph).hasAttribute("data-nodes", "5");
        assertThat(graph).hasAttribute("data-edges", "7");
        assertThat(byId("graph-summary")).hasText("5 columns in 3 datasets, 7 derivations.");
        assertThat(byId("panel-title")).hasText("agg");

        Locator rows = byId("column-edges").locator("tbody tr");
        assertThat(rows).hasCount(7);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("cll_source2 › c")))
                .hasText("/tmp/cll_test/cll_source2 › c/tmp/cll_test/tbl1 › aggDIRECT / AGGREGATION");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("cll_source1 › b")))
                .hasText("/tmp/cll_test/cll_source1 › b/tmp/cll_test/tbl1 › aggINDIRECT / GROUP_BY");

        // One drawn edge per pair of columns, labelled with all its transformations.
        @SuppressWarnings("unchecked")
        Map<String, String> labels =
                (Map<String, String>) page.evaluate("() => Object.fromEntries(window.__tributary.columns.cy.edges()"
                        + ".map(e => [e.source().data('label') + ' <- ' + e.source().parent().data('label'),"
                        + " e.data('label')]))");
        assertThat(labels)
                .containsOnly(
                        Map.entry("c : integer <- /tmp/cll_test/cll_source2", "AGGREGATION"),
                        Map.entry("a : integer <- /tmp/cll_test/cll_source2", "FILTER, JOIN"),
                        Map.entry("a : integer <- /tmp/cll_test/cll_source1", "FILTER, GROUP_BY, JOIN"),
                        Map.entry("b : string <- /tmp/cll_test/cll_source1", "GROUP_BY"));
    }

    @Test
    void aLargeAnswerIsGroupedByNamespaceWithAllButTheStartNodesCollapsed() {
        // One table read by 201 jobs (namespace etl), each writing its own table (namespace lake): 403 nodes, past the
        // 400 at which the view groups namespaces.
        ingestFanOut(201, "etl", "copy");

        open("#/lineage/DATASET:warehouse:orders?up=0&down=2");

        Locator graph = readyGraph("lineage-graph");
        assertThat(byId("collapsed-notice"))
                .hasText("403 nodes: 2 namespaces are collapsed into one node each. Select one to open it.");
        assertThat(graph).hasAttribute("data-nodes", "1");
        assertThat(drawnIds("[kind = \"NAMESPACE\"]")).containsExactlyInAnyOrder("NAMESPACE:etl", "NAMESPACE:lake");
        assertThat(drawnEdges())
                .containsExactlyInAnyOrder("DATASET:warehouse:orders->NAMESPACE:etl", "NAMESPACE:etl->NAMESPACE:lake");
        screenshot("LineageGraphUiTest-collapsed");

        page.evaluate("() => window.__tributary.lineage.view.selectNode('NAMESPACE:etl')");
        assertThat(byId("panel-title")).hasText("etl");
        page.getByText("Expand namespace").click();
        assertThat(page.locator("#lineage-graph[data-state=ready][data-nodes='202']"))
                .isVisible();
        assertThat(byId("collapsed-notice"))
                .hasText("403 nodes: 1 namespace is collapsed into one node. Select it to open it.");
        assertThat(drawnIds("[kind = \"GROUP\"]")).containsExactlyInAnyOrder("GROUP:warehouse", "GROUP:etl");
    }

    @SuppressWarnings("unchecked")
    private List<String> drawnIds(String selector) {
        return (List<String>) page.evaluate("s => window.__tributary.lineage.cy.nodes(s).map(n => n.id())", selector);
    }

    @SuppressWarnings("unchecked")
    private List<String> drawnEdges() {
        return (List<String>) page.evaluate(
                "() => window.__tributary.lineage.cy.edges()" + ".map(e => e.source().id() + '->' + e.target().id())");
    }

    private String nodeStyle(String id, String property) {
        return (String)
                page.evaluate("([id, p]) => window.__tributary.lineage.cy.$id(id).style(p)", List.of(id, property));
    }

    /** warehouse.orders read by {@code jobs} jobs ({@code prefix_NNN}), each writing its own lake.orders_NNN. */
    private void ingestFanOut(int jobs, String jobNamespace, String prefix) {
        var events = JSON.createArrayNode();
        for (int i = 0; i < jobs; i++) {
            var event = events.addObject()
                    .put("eventType", "COMPLETE")
                    .put("eventTime", "2024-01-01T00:00:00Z")
                    .put("producer", "https://example.com/ui-test")
                    .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
            event.putObject("run").put("runId", UUID.randomUUID().toString());
            event.putObject("job").put("namespace", jobNamespace).put("name", "%s_%03d".formatted(prefix, i));
            event.putArray("inputs").addObject().put("namespace", "warehouse").put("name", "orders");
            event.putArray("outputs").addObject().put("namespace", "lake").put("name", "orders_%03d".formatted(i));
        }
        ingestBatch(events.toString());
    }
}
