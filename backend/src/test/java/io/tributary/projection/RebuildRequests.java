package io.tributary.projection;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The rebuild endpoint as an operator calls it, with an ingest key. */
final class RebuildRequests {

    static final ParameterizedTypeReference<Map<String, Object>> STATE = new ParameterizedTypeReference<>() {};

    private RebuildRequests() {}

    /** {@code POST}: asks for a rebuild. */
    static WebTestClient.ResponseSpec request(WebTestClient web, String key) {
        return web.post()
                .uri(RebuildController.PATH)
                .header("Authorization", "Bearer " + key)
                .exchange();
    }

    /** {@code GET}: the rebuild's state. */
    static Map<String, Object> state(WebTestClient web, String key) {
        return web.get()
                .uri(RebuildController.PATH)
                .header("Authorization", "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(STATE)
                .returnResult()
                .getResponseBody();
    }
}
