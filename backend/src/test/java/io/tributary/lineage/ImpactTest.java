package io.tributary.lineage;

import static io.tributary.lineage.TestEvents.columnLineage;
import static io.tributary.lineage.TestEvents.input;
import static io.tributary.lineage.TestEvents.ownership;
import static io.tributary.lineage.TestEvents.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Impact of a change to the orders table: enrich (owned by alice) builds orders_enriched (team:analytics), report
 * (owned by bob and "Doe, Jane") builds revenue_report (no owner). Owners come from ownership facets.
 */
class ImpactTest extends LineageTestSupport {

    private static final String NS = "shop";
    private static final String IMPACT = """
            query($node: NodeRef!, $includeColumns: Boolean) {
              impact(node: $node, includeColumns: $includeColumns) {
                datasets { id kind namespace name field distance owners }
                jobs { id kind namespace name field distance owners }
                columns { id kind namespace name field distance owners }
                owners
                truncated
              }
            }""";

    record Impacted(
            String id, String kind, String namespace, String name, String field, int distance, List<String> owners) {}

    @BeforeEach
    void ingest() {
        var orders = TestEvents.dataset(
                NS,
                "orders",
                Map.of("schema", schema("order_id", "int", "amount", "decimal"), "ownership", ownership("team:data")));
        var enriched = TestEvents.dataset(
                NS,
                "orders_enriched",
                Map.of(
                        "schema",
                        schema("order_id", "int", "total", "decimal"),
                        "ownership",
                        ownership("team:analytics"),
                        "columnLineage",
                        columnLineage(Map.of(
                                "order_id", List.of(input(NS, "orders", "order_id", "DIRECT", "IDENTITY")),
                                "total", List.of(input(NS, "orders", "amount", "DIRECT", "TRANSFORMATION"))))));
        var report = TestEvents.dataset(
                NS,
                "revenue_report",
                Map.of(
                        "schema",
                        schema("revenue", "decimal"),
                        "columnLineage",
                        columnLineage(Map.of(
                                "revenue", List.of(input(NS, "orders_enriched", "total", "DIRECT", "AGGREGATION"))))));
        postBatch(List.of(
                TestEvents.run(
                        "COMPLETE",
                        "2025-04-01T01:00:00Z",
                        TestEvents.runId("enrich"),
                        NS,
                        "enrich",
                        Map.of("ownership", ownership("alice")),
                        List.of(orders),
                        List.of(enriched)),
                TestEvents.run(
                        "COMPLETE",
                        "2025-04-01T02:00:00Z",
                        TestEvents.runId("report"),
                        NS,
                        "report",
                        Map.of("ownership", ownership("bob", "Doe, Jane")),
                        List.of(TestEvents.dataset(NS, "orders_enriched")),
                        List.of(report))));
    }

    @Test
    void listsEverythingDownstreamWithDistanceAndOwners() {
        var answer = graphQl.document(IMPACT)
                .variable("node", ref("DATASET", NS, "orders"))
                .variable("includeColumns", true)
                .execute();

        answer.path("impact.datasets")
                .entityList(Impacted.class)
                .containsExactly(
                        node("DATASET", "orders_enriched", null, 2, "team:analytics"),
                        node("DATASET", "revenue_report", null, 4));
        answer.path("impact.jobs")
                .entityList(Impacted.class)
                .containsExactly(
                        node("JOB", "enrich", null, 1, "alice"), node("JOB", "report", null, 3, "bob", "Doe, Jane"));
        answer.path("impact.columns")
                .entityList(Impacted.class)
                .containsExactly(
                        node("FIELD", "orders_enriched", "order_id", 1, "team:analytics"),
                        node("FIELD", "orders_enriched", "total", 1, "team:analytics"),
                        node("FIELD", "revenue_report", "revenue", 2));
        answer.path("impact.owners")
                .entityList(String.class)
                .containsExactly("Doe, Jane", "alice", "bob", "team:analytics");
        answer.path("impact.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void listsAJobsOwnOutputColumnsAtDistanceZero() {
        var answer = graphQl.document(IMPACT)
                .variable("node", ref("JOB", NS, "enrich"))
                .variable("includeColumns", true)
                .execute();

        answer.path("impact.datasets")
                .entityList(Impacted.class)
                .containsExactly(
                        node("DATASET", "orders_enriched", null, 1, "team:analytics"),
                        node("DATASET", "revenue_report", null, 3));
        answer.path("impact.columns")
                .entityList(Impacted.class)
                .containsExactly(
                        node("FIELD", "orders_enriched", "order_id", 0, "team:analytics"),
                        node("FIELD", "orders_enriched", "total", 0, "team:analytics"),
                        node("FIELD", "revenue_report", "revenue", 1));
    }

    @Test
    void reportsOnlyColumnsForAField() {
        var answer = graphQl.document(IMPACT)
                .variable("node", field(NS, "orders", "amount"))
                .execute();

        answer.path("impact.datasets").entityList(Impacted.class).hasSize(0);
        answer.path("impact.jobs").entityList(Impacted.class).hasSize(0);
        answer.path("impact.columns")
                .entityList(Impacted.class)
                .containsExactly(
                        node("FIELD", "orders_enriched", "total", 1, "team:analytics"),
                        node("FIELD", "revenue_report", "revenue", 2));
    }

    @Test
    void servesTheSameReportAsCsvForScripts() {
        impactCsv("/api/v1/impact.csv?kind=DATASET&namespace=shop&name=orders&includeColumns=true", "false")
                .isEqualTo("""
                        kind,namespace,name,field,distance,owners\r
                        JOB,shop,enrich,,1,alice\r
                        DATASET,shop,orders_enriched,,2,team:analytics\r
                        JOB,shop,report,,3,"bob;Doe, Jane"\r
                        DATASET,shop,revenue_report,,4,\r
                        FIELD,shop,orders_enriched,order_id,1,team:analytics\r
                        FIELD,shop,orders_enriched,total,1,team:analytics\r
                        FIELD,shop,revenue_report,revenue,2,\r
                        """);
    }

    @Test
    void leavesColumnsOutOfTheCsvUnlessAsked() {
        impactCsv("/api/v1/impact.csv?namespace=shop&name=orders&depth=2", "true")
                .isEqualTo("""
                        kind,namespace,name,field,distance,owners\r
                        JOB,shop,enrich,,1,alice\r
                        DATASET,shop,orders_enriched,,2,team:analytics\r
                        """);
    }

    @Test
    void exportsBeyondTheGraphQlCapAsCsvAndCutsNearestFirst() {
        impactCsv("/api/v1/impact.csv?namespace=shop&name=orders&maxNodes=1000000", "false")
                .value(csv -> assertThat(csv.lines()).hasSize(5));
        // maxNodes counts the start: with 3, the two nearest impacted nodes are kept.
        impactCsv("/api/v1/impact.csv?namespace=shop&name=orders&maxNodes=3", "true")
                .isEqualTo("""
                        kind,namespace,name,field,distance,owners\r
                        JOB,shop,enrich,,1,alice\r
                        DATASET,shop,orders_enriched,,2,team:analytics\r
                        """);
        graphQl.document("query { impact(node: {kind: DATASET, namespace: \"shop\", name: \"orders\"}, maxNodes: 10001)"
                        + " { truncated } }")
                .execute()
                .errors()
                .expect(e -> e.getMessage().contains("maxNodes must be between 1 and 10000"));
    }

    private static Impacted node(String kind, String name, String field, int distance, String... owners) {
        String id = field == null ? NodeId.of(NodeKind.valueOf(kind), NS, name) : NodeId.field(NS, name, field);
        return new Impacted(id, kind, NS, name, field, distance, List.of(owners));
    }

    /** The CSV answer to {@code uri}: 200, text/csv, and the given truncation header. */
    private WebTestClient.BodySpec<String, ?> impactCsv(String uri, String truncated) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .valueEquals("X-Tributary-Truncated", truncated)
                .expectBody(String.class);
    }
}
