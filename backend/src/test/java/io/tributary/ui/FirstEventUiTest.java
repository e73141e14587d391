package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A new user's first minute: no key configured (the service generates one into its data directory), no events. The
 * home page's command, run as shown in a shell, stores the first event, and the page turns into the estate by itself.
 */
@TestPropertySource(properties = {"tributary.api-key=", "tributary.api-key-previous="})
class FirstEventUiTest extends BrowserTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void theCommandTheEmptyHomePageShowsStoresTheFirstEventAndThePageShowsIt() throws Exception {
        open("");
        String command = byId("home-first-curl").textContent();
        assertThat(command).contains("-H \"Authorization: Bearer $(cat /").contains("/api-key)\"");
        // The page listens for runs before the event is sent.
        await().atMost(Duration.ofMinutes(2))
                .until(() -> meters.get("tributary.live.subscribers").gauge().value() >= 1);

        Process curl = new ProcessBuilder("bash", "-c", command + "\n")
                .redirectErrorStream(true)
                .start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as(output).isZero();

        assertThat(byId("home-totals")).hasText("1 job, 2 datasets, 1 run, 1 event stored.");
        assertThat(byId("home-empty")).hasCount(0);
        assertThat(page.locator("#home-namespaces tbody tr td:first-child")).hasText("my-first-namespace");
    }
}
