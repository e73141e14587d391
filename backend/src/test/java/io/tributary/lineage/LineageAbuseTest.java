package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;

/**
 * Lineage arguments that would make a traversal unbounded are refused, typed, before anything is read: the largest
 * Int, and numbers GraphQL's Int cannot hold.
 */
class LineageAbuseTest extends LineageTestSupport {

    private static final Map<String, Object> ORDERS = ref("DATASET", "shop", "orders");

    @Test
    void refusesTheLargestIntAsDepthOrMaxNodes() {
        expectError(
                LINEAGE,
                Map.of("node", ORDERS, "depth", Integer.MAX_VALUE),
                ErrorType.BAD_REQUEST,
                "depth must be between 0 and 50");
        expectError(
                LINEAGE,
                Map.of("node", ORDERS, "maxNodes", Integer.MAX_VALUE),
                ErrorType.BAD_REQUEST,
                "maxNodes must be between 1 and 10000");
        expectError(
                COLUMN_LINEAGE,
                Map.of("node", field("shop", "orders", "id"), "maxNodes", Integer.MIN_VALUE),
                ErrorType.BAD_REQUEST,
                "maxNodes must be between 1 and 10000");
    }

    @Test
    void refusesADepthBeyondGraphQlIntAsAValidationError() {
        web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", LINEAGE, "variables", Map.of("node", ORDERS, "depth", 99_999_999_999L)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("ValidationError");
    }

    @Test
    void answersTheWholeLineageWithinTheCapsOfARealSparkRun() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", "file", "/tmp/cll_test/tbl1"))
                .variable("depth", 50)
                .variable("maxNodes", 10_000)
                .execute()
                .path("lineage.truncated")
                .entity(Boolean.class)
                .satisfies(truncated -> assertThat(truncated).isFalse());
    }
}
