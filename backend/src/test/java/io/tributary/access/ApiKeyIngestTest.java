package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Ingest requires {@code Authorization: Bearer <key>}: the current key or, while clients rotate, the previous one. */
class ApiKeyIngestTest extends EndToEndTest {

    private static final String EVENT = Fixtures.text("spark/compat-tests-cll/1.json");
    /** The Spark application run of that event. */
    private static final String APP_RUN = "019127de-fd25-7707-bfa4-3ec02693a531";

    private boolean refused;

    @AfterEach
    void nothingWrittenWhenRefused() {
        if (refused) {
            assertThat(countNodes()).isZero();
        }
    }

    @Test
    void refusesARequestWithoutAuthorizationWith401AndAChallenge() {
        refused = true;
        WebTestClient.ResponseSpec response = send(null, "/api/v1/lineage");

        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"tributary\"");
        Map<String, Object> problem = problem(response, 401);
        assertThat(problem)
                .containsEntry("type", "https://tributary.dev/problems/unauthorized")
                .containsEntry("detail", "Send the ingest API key as 'Authorization: Bearer <key>'")
                .containsEntry("instance", "/api/v1/lineage");
    }

    @Test
    void refusesAWrongKeyWith401() {
        refused = true;
        WebTestClient.ResponseSpec response = send("Bearer not-the-key", "/api/v1/lineage");

        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"tributary\"");
        assertThat(problem(response, 401)).containsEntry("detail", "The API key is not valid");
    }

    @Test
    void refusesAKeyThatOnlyStartsLikeTheRightOneWith401() {
        refused = true;
        problem(send("Bearer " + API_KEY + "x", "/api/v1/lineage"), 401);
    }

    @Test
    void refusesAnotherSchemeWith401() {
        refused = true;
        problem(send("Basic " + API_KEY, "/api/v1/lineage"), 401);
    }

    @Test
    void refusesTheBatchEndpointWithoutAKeyWith401() {
        refused = true;
        problem(send(null, "/api/v1/lineage/batch"), 401);
    }

    @Test
    void acceptsTheCurrentKey() {
        send("Bearer " + API_KEY, "/api/v1/lineage").expectStatus().isCreated();

        assertThat(single("MATCH (r:Run) RETURN r.runId")).isEqualTo(APP_RUN);
    }

    @Test
    void acceptsThePreviousKeyWhileClientsRotate() {
        send("Bearer " + OLD_KEY, "/api/v1/lineage").expectStatus().isCreated();

        assertThat(single("MATCH (r:Run) RETURN r.runId")).isEqualTo(APP_RUN);
    }

    @Test
    void acceptsTheSchemeInLowerCase() {
        send("bearer " + API_KEY, "/api/v1/lineage").expectStatus().isCreated();

        assertThat(single("MATCH (r:Run) RETURN count(r)")).isEqualTo(1L);
    }

    private WebTestClient.ResponseSpec send(String authorization, String path) {
        var request = web.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.bodyValue(path.endsWith("batch") ? "[" + EVENT + "]" : EVENT)
                .exchange();
    }
}
