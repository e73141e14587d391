package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With {@code tributary.read-api-key} set, reading needs that key (and only that key); ingest and probes are as before. */
@TestPropertySource(properties = "tributary.read-api-key=" + ReadApiKeyTest.READ_KEY)
@ExtendWith(OutputCaptureExtension.class)
class ReadApiKeyTest extends EndToEndTest {

    static final String READ_KEY = "read-key-for-tests-7f3a";
    private static final String QUERY = "{ namespaces { name } }";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/impact.csv?namespace=file&name=x", "/actuator/prometheus"})
    void refusesAReadWithoutTheKeyWith401(String path) {
        problem(web.get().uri(path).exchange(), 401);
    }

    /** Like the UI shell: a browser cannot send the key when it opens the page, and the page holds no data. */
    @Test
    void servesTheGraphiQlPageWithoutTheKeyWhileItsQueriesNeedIt() {
        web.get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        problem(graphQlPost(null), 401);
    }

    @Test
    void refusesGraphQlWithoutAKeyWith401AndAChallenge() {
        var response = graphQlPost(null);
        Map<String, Object> problem = problem(response, 401);
        assertThat(problem).containsEntry("detail", "Send the read API key as 'Authorization: Bearer <key>'");
        graphQlPost(null).expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"tributary-read\"");
    }

    @Test
    void refusesAWrongReadKeyWith401() {
        assertThat(problem(graphQlPost("Bearer " + READ_KEY + "x"), 401))
                .containsEntry("detail", "The read API key is not valid");
    }

    @Test
    void refusesTheIngestKeysForReadsWith401() {
        problem(graphQlPost("Bearer " + API_KEY), 401);
        problem(graphQlPost("Bearer " + OLD_KEY), 401);
    }

    @Test
    void answersGraphQlAndCsvWithTheReadKey() {
        graphQlPost("Bearer " + READ_KEY)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist();
        web.get()
                .uri("/api/v1/impact.csv?namespace=file&name=/nowhere")
                .header("Authorization", "Bearer " + READ_KEY)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void leavesIngestHealthAndInfoToTheirOwnRules() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/actuator/info").exchange().expectStatus().isOk();
        problem(
                web.post()
                        .uri("/api/v1/lineage")
                        .header("Authorization", "Bearer " + READ_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Fixtures.text("spark/compat-tests-cll/1.json"))
                        .exchange(),
                401);
    }

    @Test
    void noKeyAppearsInAnyLogLineAcrossAnIngestAndQuerySession(CapturedOutput output) {
        post(Fixtures.text("spark/compat-tests-cll/1.json")).expectStatus().isCreated();
        post("{ broken").expectStatus().isBadRequest();
        web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", "Bearer wrong-" + API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        graphQlPost("Bearer " + READ_KEY).expectStatus().isOk();
        graphQlPost("Bearer wrong-" + READ_KEY).expectStatus().isUnauthorized();

        assertThat(output.getAll())
                .doesNotContain(READ_KEY)
                .doesNotContain(API_KEY)
                .doesNotContain(OLD_KEY);
    }

    private WebTestClient.ResponseSpec graphQlPost(String authorization) {
        var request = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.bodyValue(Map.of("query", QUERY)).exchange();
    }
}
