package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lifecycleStateChange facet: a RENAME's previousIdentifier makes the old and the new name one node, as a symlink
 * does; a DROP is recorded on the dataset, which stays in the graph.
 */
class LifecycleRenameTest extends LineageTestSupport {

    private static String run(String runId, String job, String time, String inputs, String outputs) {
        return """
                {"eventType": "COMPLETE", "eventTime": "%s", "producer": "https://tributary.dev/tests",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "warehouse", "name": "%s"},
                 "inputs": [%s], "outputs": [%s]}
                """.formatted(time, runId, job, inputs, outputs);
    }

    private static String lifecycle(String name, String state, String previous) {
        return """
                {"namespace": "postgres://db:5432", "name": "%s", "facets": {"lifecycleStateChange": {
                  "_producer": "https://tributary.dev/tests",
                  "_schemaURL": "https://openlineage.io/spec/facets/1-0-1/LifecycleStateChangeDatasetFacet.json#/$defs/LifecycleStateChangeDatasetFacet",
                  "lifecycleStateChange": "%s"%s}}}
                """.formatted(name, state, previous);
    }

    private static final String ORDERS = "{\"namespace\": \"postgres://db:5432\", \"name\": \"shop.orders\"}";

    @Test
    void aRenamedDatasetIsOneNodeWithItsOldNameSoReadersOfTheOldNameStayDownstream() {
        post(run("0191f2a1-0000-7000-8000-0000000000a1", "load_orders", "2024-08-01T00:00:00Z", "", ORDERS))
                .expectStatus()
                .isCreated();
        post(run("0191f2a1-0000-7000-8000-0000000000a2", "report_orders", "2024-08-02T00:00:00Z", ORDERS, ""))
                .expectStatus()
                .isCreated();
        post(run(
                        "0191f2a1-0000-7000-8000-0000000000a3",
                        "rename_orders",
                        "2024-08-03T00:00:00Z",
                        "",
                        lifecycle(
                                "shop.orders_v2",
                                "RENAME",
                                ", \"previousIdentifier\": {\"namespace\": \"postgres://db:5432\", \"name\": \"shop.orders\"}")))
                .expectStatus()
                .isCreated();

        List<Node> downstream = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", "postgres://db:5432", "shop.orders_v2"))
                .variable("direction", "DOWNSTREAM")
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .get();
        assertThat(downstream)
                .containsExactly(
                        dataset("postgres://db:5432", "shop.orders_v2", 0), job("warehouse", "report_orders", 1));

        List<Node> upstream = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", "postgres://db:5432", "shop.orders"))
                .variable("direction", "UPSTREAM")
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .get();
        assertThat(upstream)
                .containsExactlyInAnyOrder(
                        dataset("postgres://db:5432", "shop.orders", 0),
                        job("warehouse", "load_orders", 1),
                        job("warehouse", "rename_orders", 1));
    }

    @Test
    void aDroppedDatasetIsMarkedDroppedAndStaysInTheGraph() {
        post(run("0191f2a1-0000-7000-8000-0000000000b1", "load_orders", "2024-08-01T00:00:00Z", "", ORDERS))
                .expectStatus()
                .isCreated();
        post(run(
                        "0191f2a1-0000-7000-8000-0000000000b2",
                        "drop_orders",
                        "2024-08-04T00:00:00Z",
                        "",
                        lifecycle("shop.orders", "DROP", "")))
                .expectStatus()
                .isCreated();

        var dataset = graphQl.document("""
                        { dataset(namespace: "postgres://db:5432", name: "shop.orders") { lifecycleState deletedAt } }""").execute();
        dataset.path("dataset.lifecycleState").entity(String.class).isEqualTo("DROP");
        dataset.path("dataset.deletedAt").valueIsNull();
        graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", "postgres://db:5432", "shop.orders"))
                .variable("direction", "UPSTREAM")
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .contains(job("warehouse", "load_orders", 1), job("warehouse", "drop_orders", 1));
    }
}
