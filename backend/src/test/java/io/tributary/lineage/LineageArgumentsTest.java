package io.tributary.lineage;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;

/** Arguments outside the caps are the client's error (BAD_REQUEST / 400); an unknown start is NOT_FOUND / 404. */
class LineageArgumentsTest extends LineageTestSupport {

    private static final Map<String, Object> ORDERS = ref("DATASET", "shop", "orders");

    @Test
    void refusesDepthAndMaxNodesOutsideTheirRange() {
        expectError(
                LINEAGE, Map.of("node", ORDERS, "depth", -1), ErrorType.BAD_REQUEST, "depth must be between 0 and 50");
        expectError(
                LINEAGE, Map.of("node", ORDERS, "depth", 51), ErrorType.BAD_REQUEST, "depth must be between 0 and 50");
        expectError(LINEAGE, Map.of("node", ORDERS, "maxNodes", 0), ErrorType.BAD_REQUEST, "maxNodes must be between");
        expectError(
                LINEAGE, Map.of("node", ORDERS, "maxNodes", 10_001), ErrorType.BAD_REQUEST, "maxNodes must be between");
        expectError(COLUMN_LINEAGE, Map.of("node", ORDERS, "depth", 51), ErrorType.BAD_REQUEST, "depth must be");
    }

    @Test
    void refusesNodeReferencesThatDoNotFitTheQuery() {
        expectError(
                LINEAGE,
                Map.of("node", Map.of("kind", "FIELD", "namespace", "shop", "name", "orders")),
                ErrorType.BAD_REQUEST,
                "node.field is required");
        expectError(
                LINEAGE,
                Map.of("node", Map.of("kind", "DATASET", "namespace", "shop", "name", "orders", "field", "id")),
                ErrorType.BAD_REQUEST,
                "node.field is only allowed");
        expectError(LINEAGE, Map.of("node", field("shop", "orders", "id")), ErrorType.BAD_REQUEST, "use columnLineage");
        expectError(COLUMN_LINEAGE, Map.of("node", ref("JOB", "shop", "etl")), ErrorType.BAD_REQUEST, "not a JOB");
    }

    @Test
    void answersNotFoundForAnUnknownStart() {
        expectError(LINEAGE, Map.of("node", ORDERS), ErrorType.NOT_FOUND, "No DATASET shop orders is known");
        expectError(COLUMN_LINEAGE, Map.of("node", field("shop", "orders", "id")), ErrorType.NOT_FOUND, "is known");
        expectError(
                "query($node: NodeRef!) { impact(node: $node) { truncated } }",
                Map.of("node", ref("JOB", "shop", "etl")),
                ErrorType.NOT_FOUND,
                "No JOB shop etl is known");
    }

    @Test
    void answersCsvErrorsAsProblemDetails() {
        expectProblem("/api/v1/impact.csv?namespace=shop&name=orders&depth=99", 400, "depth must be between 0 and 50");
        expectProblem("/api/v1/impact.csv?namespace=shop&name=orders&maxNodes=0", 400, "maxNodes must be between");
        expectProblem(
                "/api/v1/impact.csv?namespace=shop&name=orders&maxNodes=1000001",
                400,
                "maxNodes must be between 1 and 1000000");
        expectProblem("/api/v1/impact.csv?kind=FIELD&namespace=shop&name=orders", 400, "node.field is required");
        expectProblem("/api/v1/impact.csv?namespace=shop&name=orders", 404, "No DATASET shop orders is known");
        web.get()
                .uri("/api/v1/impact.csv?namespace=shop")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get()
                .uri("/api/v1/impact.csv?kind=TABLE&namespace=shop&name=orders")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private void expectProblem(String uri, int status, String detail) {
        web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.detail")
                .value(d ->
                        org.assertj.core.api.Assertions.assertThat((String) d).contains(detail));
    }
}
