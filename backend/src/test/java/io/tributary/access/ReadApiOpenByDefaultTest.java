package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Without {@code tributary.read-api-key}, reading needs no key, as before the option existed. */
class ReadApiOpenByDefaultTest extends EndToEndTest {

    @Test
    void answersGraphQlAndCsvWithoutAKeyWhenNoReadKeyIsConfigured() {
        web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ namespaces { name } }"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist();
        web.get()
                .uri("/api/v1/impact.csv?namespace=file&name=/nowhere")
                .exchange()
                .expectStatus()
                .isNotFound();
        web.get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isLessThan(400));
    }
}
