package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.TributaryProperties;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rotation of a key Tributary generated, against the real embedded Neo4j: the new key writes at once, the old one
 * until its grace deadline and never after, only the current key may rotate, no log shows a key, and the rotation is
 * what a restarted instance (or another instance on the database) reads back.
 */
// Registered before Spring's extension, so that the output is captured before the context starts.
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "tributary.api-key=",
            "tributary.api-key-previous=",
            "tributary.embedded.page-cache=16MB",
            "tributary.embedded.transaction-memory=256MB"
        })
class ApiKeyRotationTest extends EndToEndTest {

    private static final String ROTATE = """
            mutation Rotate($grace: Duration) {
              rotateApiKey(gracePeriod: $grace) { key id previousKeysValidUntil keyFileUpdated
                status { management writeKeys { id origin expiresAt current } } } }""";

    @Autowired
    private TributaryProperties service;

    @Autowired
    private ApiKeys keys;

    @Autowired
    private StoredKeys storedKeys;

    @Autowired
    private ObjectProvider<Clock> clocks;

    /** The graph was emptied: the keys in force are read again (the file's key, as before any rotation). */
    @BeforeEach
    void keysAsStored() {
        keys.reload();
    }

    @Test
    void theNewKeyWritesTheOldOneUntilItsGraceDeadlineAndNoLogShowsEither(CapturedOutput output) throws IOException {
        String first = fileKey();
        Map<String, Object> rotation = rotated(rotate(first, "1h"));
        String second = (String) rotation.get("key");

        assertThat(second).matches("trib_[A-Za-z0-9_-]{43}").isNotEqualTo(first);
        assertThat(rotation).containsEntry("keyFileUpdated", true);
        assertThat(fileKey()).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(keyFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ingest(second).expectStatus().isCreated();
        ingest(first).expectStatus().isCreated(); // an hour of grace

        Map<String, Object> short_ = rotated(rotate(second, "PT1S"));
        String third = (String) short_.get("key");
        Instant deadline = Instant.parse((String) short_.get("previousKeysValidUntil"));
        ingest(third).expectStatus().isCreated();
        // Wait for the deadline by asking, as a client would; bounded only so that a broken build ends.
        Instant giveUp = Instant.now().plusSeconds(120);
        while (ingestStatus(second) == 201 && Instant.now().isBefore(giveUp)) {
            sleep();
        }
        Instant refusedBy = Instant.now();

        assertThat(problem(ingest(second), 401)).containsEntry("detail", "The API key is not valid");
        assertThat(problem(ingest(first), 401)).containsEntry("detail", "The API key is not valid");
        assertThat(refusedBy).as("not refused before its deadline").isAfterOrEqualTo(deadline);
        ingest(third).expectStatus().isCreated();
        assertThat(output.getAll())
                .contains("Ingest API key rotated")
                .doesNotContain(first)
                .doesNotContain(second)
                .doesNotContain(third);
    }

    @Test
    void onlyTheCurrentWriteKeyMayRotate() throws IOException {
        String first = fileKey();

        assertThat(classification(rotate(null, "1h"))).isEqualTo("UNAUTHORIZED");
        assertThat(classification(rotate("not-a-key", "1h"))).isEqualTo("UNAUTHORIZED");
        assertThat(classification(rotate(first, "P30D"))).isEqualTo("BAD_REQUEST");
        assertThat(fileKey()).as("nothing rotated").isEqualTo(first);

        String second = (String) rotated(rotate(first, "1h")).get("key");
        Map<String, Object> byOldKey = rotate(first, "1h");

        assertThat(classification(byOldKey)).isEqualTo("FORBIDDEN");
        assertThat(firstError(byOldKey))
                .extractingByKey("extensions")
                .asString()
                .contains("KEY_IN_GRACE_PERIOD");
        assertThat(fileKey()).isEqualTo(second);
        ingest(second).expectStatus().isCreated();
    }

    @Test
    void aRestartedInstanceAndAnotherInstanceOnTheDatabaseFollowTheRotation() throws IOException {
        String first = fileKey();
        String second = (String) rotated(rotate(first, "1h")).get("key");

        ApiKeys restarted = start(service.dataDir());
        ApiKeys replica = start(Files.createTempDirectory("tributary-replica-"));
        try {
            for (ApiKeys instance : List.of(restarted, replica)) {
                assertThat(instance.caller(second).mayWrite()).isTrue();
                assertThat(instance.caller(second).currentWriteKey()).isTrue();
                assertThat(instance.caller(first).mayWrite()).isTrue();
                assertThat(instance.caller(first).currentWriteKey()).isFalse();
                assertThat(instance.caller(first + "x").mayWrite()).isFalse();
            }
            assertThat(fileKey()).isEqualTo(second);
        } finally {
            restarted.destroy();
            replica.destroy();
        }
    }

    /** The start-up of the keys, as a (re)started instance with that data directory does it. */
    private ApiKeys start(Path dataDir) {
        var instance = new ApiKeys(
                new AccessProperties(null, null, null),
                new TributaryProperties(dataDir, null, null, false),
                KeyRotationProperties.defaults(),
                storedKeys,
                clocks);
        instance.afterPropertiesSet();
        return instance;
    }

    private Map<String, Object> rotate(String key, String grace) {
        var request = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.bodyValue(Map.of("query", ROTATE, "variables", Map.of("grace", grace)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rotated(Map<String, Object> response) {
        assertThat(response).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("rotateApiKey");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> response) {
        assertThat(response).containsKey("errors");
        return ((List<Map<String, Object>>) response.get("errors")).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static String classification(Map<String, Object> response) {
        return (String) ((Map<String, Object>) firstError(response).get("extensions")).get("classification");
    }

    private WebTestClient.ResponseSpec ingest(String key) {
        return web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.text("spark/compat-tests-cll/1.json"))
                .exchange();
    }

    private int ingestStatus(String key) {
        return ingest(key).returnResult(String.class).getStatus().value();
    }

    private Path keyFile() {
        return service.dataDir().resolve("api-key");
    }

    private String fileKey() throws IOException {
        return Files.readString(keyFile(), StandardCharsets.UTF_8).strip();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
