package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys set by environment are the operator's: rotating them through the API is refused, and they stay in force. */
class ApiKeyRotationPinnedTest extends EndToEndTest {

    @Test
    @SuppressWarnings("unchecked")
    void rotationOfAKeySetByEnvironmentIsRefusedAndTheKeysStay() {
        var response = graphQl.mutate()
                .header("Authorization", "Bearer " + API_KEY)
                .build()
                .document("mutation { rotateApiKey(gracePeriod: \"1h\") { key } }")
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("FORBIDDEN");
                    assertThat(errors.getFirst().getExtensions()).containsEntry("reason", "API_KEY_PINNED");
                });
        assertThat(response).isNotNull();
        var status = graphQl.document("{ apiKeys { management writeKeys { origin current } } }")
                .execute()
                .path("apiKeys")
                .entity(Map.class)
                .get();
        assertThat(status).containsEntry("management", "ENVIRONMENT");
        assertThat((List<Map<String, Object>>) status.get("writeKeys"))
                .extracting(k -> k.get("origin"))
                .containsExactly("ENVIRONMENT", "ENVIRONMENT_PREVIOUS");
        post(io.tributary.testing.Fixtures.text("spark/compat-tests-cll/1.json"))
                .expectStatus()
                .isCreated();
    }
}
