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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service started with no key configured generates one into {@code <data dir>/api-key}. Its own context (no keys,
 * its own data directory and a small page cache), started while the output is captured so that start-up logging is
 * checked too.
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
@AutoConfigureWebTestClient(timeout = "PT2M")
class GeneratedApiKeyTest {

    private static final Path DATA_DIR = createDataDir();

    @Autowired
    private WebTestClient web;

    @Autowired
    private StoredKeys storedKeys;

    @Autowired
    private ObjectProvider<Clock> clocks;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tributary.data-dir", DATA_DIR::toString);
    }

    @Test
    void generatesAnOwnerOnlyKeyThatIngestAcceptsAndNoLogShows(CapturedOutput output) throws IOException {
        Path file = DATA_DIR.resolve("api-key");
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();

        assertThat(key).matches("trib_[A-Za-z0-9_-]{43}");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        post("Bearer " + key).expectStatus().isCreated();
        post("Bearer " + EndToEndTest.API_KEY).expectStatus().isUnauthorized();
        // The start-up log was captured (it points at the file) and never shows the key itself.
        assertThat(output.getAll())
                .contains("generated an ingest API key. Read it with: cat " + file.toAbsolutePath())
                .doesNotContain(key);
    }

    @Test
    void aLaterStartReusesTheGeneratedKey() throws IOException {
        String key = Files.readString(DATA_DIR.resolve("api-key"), StandardCharsets.UTF_8)
                .strip();

        var restarted = new ApiKeys(
                new AccessProperties(null, null, null),
                new TributaryProperties(DATA_DIR, null, null, false),
                KeyRotationProperties.defaults(),
                storedKeys,
                clocks);
        restarted.afterPropertiesSet();
        restarted.destroy();

        assertThat(restarted.caller(key).mayWrite()).isTrue();
        assertThat(restarted.caller(key + "x").mayWrite()).isFalse();
        assertThat(Files.readString(DATA_DIR.resolve("api-key"), StandardCharsets.UTF_8)
                        .strip())
                .isEqualTo(key);
    }

    private WebTestClient.ResponseSpec post(String authorization) {
        return web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.text("spark/compat-tests-cll/1.json"))
                .exchange();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("tributary-generated-key-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
