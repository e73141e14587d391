package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Past the read wait, a read answers with what is projected and says so: the projector is held back by a real lock on
 * its position node (a transaction of the test's own), so an acknowledged event cannot reach the graph until the test
 * lets it.
 */
@TestPropertySource(properties = {"tributary.log.mode=file", "tributary.projection.read-wait=300ms"})
class ProjectionLagTest extends EndToEndTest {

    private static final String FIELDS = "[{\"name\":\"id\",\"type\":\"BIGINT\"}]";
    private static final String QUERY = "{ dataset(namespace: \"lag\", name: \"held\") { name } }";

    @Autowired
    ProjectionProgress progress;

    private static String event(String runId, String output) {
        return TestEvents.run("COMPLETE", runId, "lag", "job-" + runId.substring(0, 8), "2026-01-01T00:00:00Z")
                .output("lag", output, FIELDS)
                .json();
    }

    private WebTestClient.BodyContentSpec graphQl(String query, Map<String, String> headers) {
        return web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::add))
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void aReadPastTheWaitAnswersWhatIsProjectedAndSaysItIsIncompleteUntilTheProjectorIsThrough() throws Exception {
        post(event("11111111-1111-4111-8111-111111111111", "first"))
                .expectStatus()
                .isCreated();
        awaitProjection();
        try (var session = driver.session();
                var hold = session.beginTransaction()) {
            hold.run("MATCH (p:ProjectionPosition) SET p.heldByTest = true").consume();
            post(event("22222222-2222-4222-8222-222222222222", "held"))
                    .expectStatus()
                    .isCreated();
            while (progress.lag().compareTo(Duration.ZERO) <= 0) {
                Thread.sleep(10);
            }

            graphQl(QUERY, Map.of())
                    .jsonPath("$.data.dataset")
                    .doesNotExist()
                    .jsonPath("$.extensions.projection.complete")
                    .isEqualTo(false)
                    .jsonPath("$.extensions.projection.lagMs")
                    .value(lag -> assertThat(((Number) lag).longValue()).isNotNegative());
            web.get()
                    .uri("/api/v1/namespaces/lag/datasets")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(
                            ReadYourWrites.PROJECTION,
                            header -> assertThat(header).startsWith("incomplete; lagMs="))
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .value(body -> assertThat(body.toString()).doesNotContain("held"));
            // A dashboard that opted out is not told: it asked for what is there now.
            graphQl(QUERY, Map.of(ReadYourWrites.CONSISTENCY, "eventual"))
                    .jsonPath("$.data.dataset")
                    .doesNotExist()
                    .jsonPath("$.extensions.projection")
                    .doesNotExist();
            hold.rollback();
        }

        awaitProjection();
        graphQl(QUERY, Map.of())
                .jsonPath("$.data.dataset.name")
                .isEqualTo("held")
                .jsonPath("$.extensions.projection")
                .doesNotExist();
    }
}
