package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.TestEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** {@code LineageNode.latestQualityFailed}: the newest quality check of each dataset, read once per request. */
class LineageQualityTest extends EndToEndTest {

    private static final String SNOWFLAKE = "snowflake://ASDF1234.eu-central-1.aws";
    private static final String CUSTOMERS_TEST = "DEMO_DB.public.jaffle_shop.customers.test";

    private static final String TWO_WALKS = """
            query($customers: NodeRef!, $orders: NodeRef!) {
              a: lineage(node: $customers, depth: 2) { nodes { kind name latestQualityFailed } }
              b: lineage(node: $orders, depth: 2) { nodes { kind name latestQualityFailed } }
            }""";

    @Autowired
    MeterRegistry meters;

    /** dbt tests on Snowflake: the customers test failed (unique, not_null), the orders test passed. */
    @BeforeEach
    void ingestDbtTests() {
        for (String event : Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")) {
            post(event.replace("{{ any(result) }}", "1.0.0")).expectStatus().isCreated();
        }
    }

    @Test
    void flagsADatasetWhoseNewestChecksFailedAndNotOneWhoseChecksPassed() {
        Map<String, Map<String, Object>> nodes = nodesOfBothWalks();

        assertThat(nodes.get("DEMO_DB.public.customers")).containsEntry("latestQualityFailed", true);
        assertThat(nodes.get("DEMO_DB.public.orders")).containsEntry("latestQualityFailed", false);
        // Jobs have no quality checks of their own.
        assertThat(nodes.get(CUSTOMERS_TEST)).containsEntry("latestQualityFailed", null);
    }

    @Test
    void aNewerPassingCheckClearsTheFlag() {
        String failedRun = Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json").stream()
                .filter(e -> e.contains("\"eventType\":\"FAIL\""))
                .findFirst()
                .orElseThrow()
                .replace("{{ any(result) }}", "1.0.0");
        String passedLater = failedRun
                .replace("6edf42ed-d8d0-454a-b819-d09b9067ff99", "6edf42ed-d8d0-454a-b819-d09b9067ff9a")
                .replace("2021-08-25T11:00:25.277467+00:00", "2021-08-26T11:00:25.277467+00:00")
                .replace("\"eventType\":\"FAIL\"", "\"eventType\":\"COMPLETE\"")
                .replace("\"success\":false", "\"success\":true");
        assertThat(passedLater).doesNotContain("\"success\":false").contains("\"success\":true");
        post(passedLater).expectStatus().isCreated();

        assertThat(nodesOfBothWalks().get("DEMO_DB.public.customers")).containsEntry("latestQualityFailed", false);
    }

    /**
     * One read per walk, not per dataset: the batch holds a walk's nodes. Two walks of one request shared it while both
     * were Cypher's; a walk on the lineage index can complete, and have its batch dispatched, before the other.
     */
    @Test
    void readsTheQualityOfAWalksDatasetsInOneStatement() {
        // A model downstream of both, so that each walk answers several datasets.
        String field = "[{\"name\": \"id\", \"type\": \"int\"}]";
        post(TestEvents.run("COMPLETE", "0f2b1c9e-54c1-4d8e-9a1f-3c5d7e9b1a20", "dbt", "marts", "2021-08-25T12:00:00Z")
                        .input(SNOWFLAKE, "DEMO_DB.public.customers", field)
                        .input(SNOWFLAKE, "DEMO_DB.public.orders", field)
                        .output(SNOWFLAKE, "DEMO_DB.public.customer_orders", field)
                        .output(SNOWFLAKE, "DEMO_DB.public.order_totals", field)
                        .json())
                .expectStatus()
                .isCreated();
        long before = reads("read/lineage/latest-quality");
        Map<String, Map<String, Object>> nodes = nodesOfBothWalks();
        long datasets = nodes.values().stream()
                .filter(n -> "DATASET".equals(n.get("kind")))
                .count();
        assertThat(datasets).as("datasets answered").isGreaterThan(3);
        assertThat(reads("read/lineage/latest-quality") - before).isBetween(1L, 2L);
    }

    /** Both walks of {@link #TWO_WALKS}, by node name. */
    private Map<String, Map<String, Object>> nodesOfBothWalks() {
        var response = graphQl.document(TWO_WALKS)
                .variable(
                        "customers",
                        Map.of("kind", "DATASET", "namespace", SNOWFLAKE, "name", "DEMO_DB.public.customers"))
                .variable("orders", Map.of("kind", "DATASET", "namespace", SNOWFLAKE, "name", "DEMO_DB.public.orders"))
                .execute();
        var byName = new HashMap<String, Map<String, Object>>();
        for (String walk : List.of("a", "b")) {
            response.path(walk + ".nodes")
                    .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                    .get()
                    .forEach(n -> byName.put((String) n.get("name"), n));
        }
        assertThat(byName).containsKeys("DEMO_DB.public.customers", "DEMO_DB.public.orders", CUSTOMERS_TEST);
        return byName;
    }

    private long reads(String statement) {
        Timer timer = meters.find(GraphStore.READS).tag("statement", statement).timer();
        return timer == null ? 0 : timer.count();
    }
}
