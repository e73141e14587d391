package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.TributaryProperties;
import io.tributary.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;

/** The Settings page with a key Tributary generated: status without keys, and a rotation that shows the new key once. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "tributary.api-key=",
            "tributary.api-key-previous=",
            "tributary.embedded.page-cache=16MB",
            "tributary.embedded.transaction-memory=256MB"
        })
class SettingsUiTest extends BrowserTest {

    @Autowired
    private TributaryProperties service;

    @Test
    void rotatingFromThePageShowsTheNewKeyOnceAndKeepsTheOldOneUntilItsDeadline() throws IOException {
        String old = fileKey();
        open("#/settings");
        assertThat(byId("settings-keys")).containsText("generated at first start");
        assertThat(byId("settings-keys")).containsText("current");
        assertThat(page.content()).doesNotContain(old);

        byId("settings-grace").fill("1h");
        byId("settings-rotate").locator("button[type=submit]").click();
        byId("write-key-input").fill(old);
        byId("write-key-dialog").locator("button[type=submit]").click();

        assertThat(byId("settings-new-key-value")).containsText("trib_");
        String issued = byId("settings-new-key-value").textContent().strip();
        assertThat(issued).isNotEqualTo(old).isEqualTo(fileKey());
        assertThat(byId("settings-keys")).containsText("issued by rotation");
        assertThat(byId("settings-keys")).containsText("valid until");
        ingest(issued);
        ingest(old);

        open("#/settings");
        assertThat(byId("settings-keys")).containsText("issued by rotation");
        assertThat(page.content()).doesNotContain(issued).doesNotContain(old);
    }

    private void ingest(String key) {
        web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.text("spark/compat-tests-cll/1.json"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private String fileKey() throws IOException {
        return Files.readString(service.dataDir().resolve("api-key"), StandardCharsets.UTF_8)
                .strip();
    }
}
