package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * jobDependencies and tags in the UI, over the tagged DAG of {@code facets/}: control flow between jobs is drawn
 * dotted apart from data flow (with a job only control flow reaches), and the panels show tags by source, field tags
 * and the catalog.
 */
class ControlFlowUiTest extends BrowserTest {

    private static final String EXTRACT = "JOB:airflow-finance:finance_dag.extract_orders";
    private static final String LOAD = "JOB:airflow-finance:finance_dag.load_orders";
    private static final String REPORT = "JOB:airflow-finance:finance_dag.report_orders";
    private static final String ORDERS = "DATASET:postgres%3A%2F%2Fdb.finance.example%3A5432:warehouse.public.orders";

    private void ingestTaggedDag() {
        for (String event : Fixtures.events("facets/tags-catalog-job-dependencies.json")) {
            ingestBatch("[" + event + "]");
        }
    }

    @Test
    void controlFlowIsDrawnDottedApartFromDataFlow() {
        ingestTaggedDag();

        open("#/lineage/" + ORDERS);
        readyGraph("lineage-graph");
        assertThat(byId("lineage-graph")).hasAttribute("data-control-edges", "2");
        assertThat(byId("lineage-graph")).hasAttribute("data-edges", "2");
        // The report job reads and writes nothing: only control flow reaches it.
        assertThat(drawnNodeIds()).containsExactlyInAnyOrder(ORDERS, EXTRACT, LOAD, REPORT);
        assertThat(edgeStyle("CONTROL:" + EXTRACT + "->" + LOAD)).isEqualTo("dotted");
        assertThat(edgeStyle("CONTROL:" + LOAD + "->" + REPORT)).isEqualTo("dotted");
        assertThat(edgeStyle(EXTRACT + "->" + ORDERS)).isEqualTo("solid");
        assertThat(page.locator(".legend")).containsText("Control flow");
        screenshot("ControlFlowUiTest-control-flow");

        open("#/lineage/" + ORDERS + "?select=" + LOAD);
        readyGraph("lineage-graph");
        assertThat(byId("job-dependencies")).hasText("finance_dag.extract_orders");
        assertThat(byId("job-dependents")).hasText("finance_dag.report_orders");
    }

    @Test
    void panelsShowTagsBySourceFieldTagsAndTheCatalog() {
        ingestTaggedDag();
        web.post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + API_KEY)
                .bodyValue(java.util.Map.of(
                        "query",
                        "mutation { addTag(kind: DATASET, namespace: \"postgres://db.finance.example:5432\","
                                + " name: \"warehouse.public.orders\", tag: \"owner:alice\") { tags } }"))
                .exchange()
                .expectStatus()
                .isOk();

        open("#/lineage/" + ORDERS + "?select=" + ORDERS);
        readyGraph("lineage-graph");
        assertThat(byId("dataset-tags").locator(".tag"))
                .hasText(new String[] {"classification:confidential", "owner:alice"});
        assertThat(byId("dataset-tags").locator(".tag-by-hand")).hasText("owner:alice");
        assertThat(byId("dataset-catalog")).hasText("finance_glue_catalog · iceberg · glue");
        assertThat(byId("data-dictionary")
                        .locator("tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("email")))
                .containsText("pii");

        open("#/lineage/" + ORDERS + "?select=" + EXTRACT);
        readyGraph("lineage-graph");
        assertThat(byId("job-tags").locator(".tag")).hasText(new String[] {"team:payments", "tier:gold"});
    }

    private String edgeStyle(String id) {
        return (String) page.evaluate("id => window.__tributary.lineage.cy.$id(id).style('line-style')", id);
    }
}
