package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With reads protected (the same setting as {@link ReadApiKeyTest}, so one service serves both), GraphQL mutations
 * and the write endpoints take an ingest key, and that key still opens no read.
 */
@TestPropertySource(properties = "tributary.read-api-key=" + ReadApiKeyTest.READ_KEY)
class WriteKeyWithProtectedReadsTest extends EndToEndTest {

    private static final String DELETE = """
            mutation { deleteDataset(namespace: "file", name: "/tmp/cll_test/cll_source1") { kind deletedAt } }""";

    @Test
    void anIngestKeyRunsMutationsButNoReadOverGraphQl() {
        ingestSparkCtas();

        graphQl(DELETE, API_KEY)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.deleteDataset.kind")
                .isEqualTo("DATASET");
        assertThat(single("MATCH (d:Dataset) WHERE d.deleted IS NOT NULL RETURN count(d) AS n"))
                .isEqualTo(1L);

        // A read with the ingest key: 401 before any execution, as before mutations existed.
        Map<String, Object> problem = problem(graphQl("{ namespaces { name } }", API_KEY), 401);
        assertThat(problem).containsEntry("detail", "An ingest key cannot read; send the read API key");
        // A document that mixes in a query under another operation name is judged by the one it runs.
        problem(
                graphQlNamed(
                        "query Q { namespaces { name } } " + DELETE.replace("mutation {", "mutation M {"),
                        "Q",
                        API_KEY),
                401);
    }

    @Test
    void theReadKeyRunsNoMutation() {
        ingestSparkCtas();

        graphQl(DELETE, ReadApiKeyTest.READ_KEY)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("UNAUTHORIZED");
        assertThat(single("MATCH (d:Dataset) WHERE d.deleted IS NOT NULL RETURN count(d) AS n"))
                .isEqualTo(0L);
        problem(
                web.delete()
                        .uri("/api/v1/namespaces/file/datasets/{name}", "/tmp/cll_test/cll_source1")
                        .header("Authorization", "Bearer " + ReadApiKeyTest.READ_KEY)
                        .exchange(),
                401);
    }

    /** The Spark CTAS set (compatibility-tests CLL 1..9), which reads and so creates cll_source1. */
    private void ingestSparkCtas() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        assertThat(single("MATCH (d:Dataset {namespace: 'file', name: '/tmp/cll_test/cll_source1'}) RETURN count(d)"))
                .isEqualTo(1L);
    }

    private WebTestClient.ResponseSpec graphQl(String document, String key) {
        return graphQlNamed(document, null, key);
    }

    private WebTestClient.ResponseSpec graphQlNamed(String document, String operationName, String key) {
        var body = new java.util.HashMap<String, Object>();
        body.put("query", document);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + key)
                .bodyValue(body)
                .exchange();
    }
}
