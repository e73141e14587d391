package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import org.junit.jupiter.api.Test;

/**
 * The environmentVariables run facet carries secrets: by default its values leave the service through no read path
 * (merged run facets, the raw archive), while the variables' names stay.
 */
class EnvironmentVariablesHiddenTest extends EndToEndTest {

    private static final String RUN_ID = "0191f2a1-0000-7000-8000-0000000000e1";
    private static final String EVENT = """
            {"eventType": "START", "eventTime": "2024-08-01T00:00:00Z", "producer": "https://tributary.dev/tests",
             "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run": {"runId": "%s", "facets": {"environmentVariables": {
               "_producer": "https://tributary.dev/tests",
               "_schemaURL": "https://openlineage.io/spec/facets/1-0-0/EnvironmentVariablesRunFacet.json#/$defs/EnvironmentVariablesRunFacet",
               "environmentVariables": [{"name": "DB_PASSWORD", "value": "s3cr3t-value"}]}}},
             "job": {"namespace": "warehouse", "name": "load"}, "inputs": [], "outputs": []}
            """.formatted(RUN_ID);

    @Test
    void hidesEnvironmentVariableValuesInRunFacetsAndTheRawArchiveByDefault() {
        post(EVENT).expectStatus().isCreated();

        String graphQlBody = web.post()
                .uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue("{\"query\": \"{ run(id: \\\"" + RUN_ID
                        + "\\\") { facets } events(first: 10) { edges { node { event } } } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(graphQlBody).contains("DB_PASSWORD").doesNotContain("s3cr3t-value");
    }
}
