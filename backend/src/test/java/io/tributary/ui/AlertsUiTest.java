package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.tributary.testing.Fixtures;
import io.tributary.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Alerts page: a rule created from the UI (with the write key) opens an incident that the page shows. */
@TestPropertySource(
        properties = {
            "tributary.alert.delivery.first-backoff=50ms",
            // The first batch of a cold JVM on a loaded build machine can take longer than the default 30 s.
            "tributary.ingest.write-timeout=2m"
        })
class AlertsUiTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void deleteRulesAndStopReceiver() {
        List<Map<String, Object>> rules = graphQl.document("{ alertRules { id source } }")
                .execute()
                .path("alertRules")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
        for (var rule : rules) {
            if ("API".equals(rule.get("source"))) {
                graphQl.mutate()
                        .header("Authorization", "Bearer " + API_KEY)
                        .build()
                        .document("mutation($id: ID!) { deleteAlertRule(id: $id) }")
                        .variable("id", rule.get("id"))
                        .executeAndVerify();
            }
        }
        receiver.close();
    }

    @Test
    void ruleCreatedFromThePageOpensAnIncidentThatCanBeAcknowledgedAndItsRuleMuted() {
        ingestAirflowBigQueryDag();
        open("#/alerts");
        assertThat(byId("alerts-rules")).containsText("No alert rules yet");

        byId("alert-rule-name").fill("BQ.upload failures");
        byId("alert-rule-kind").selectOption("JOB_FAILED");
        byId("alert-rule-job").fill("BQ.upload");
        byId("alert-rule-url").fill(receiver.url("/hook"));
        byId("alert-rule-form").locator("button[type=submit]").click();
        byId("write-key-input").fill(API_KEY);
        byId("write-key-dialog").locator("button[type=submit]").click();

        assertThat(byId("alerts-notice")).hasText("Rule created");
        Locator rule = byId("alerts-rules").locator("tbody tr");
        assertThat(rule).hasCount(1);
        assertThat(rule.locator("td").first()).hasText("BQ.upload failures");
        assertThat(rule.locator("td").nth(2)).hasText("job: BQ.upload");

        var fail = (ObjectNode) JSON.readTree(Fixtures.text("airflow/compat-tests-bq-dag/line_03.json"));
        fail.put("eventType", "FAIL").put("eventTime", "2024-11-27T13:05:29Z");
        ((ObjectNode) fail.get("run")).put("runId", UUID.randomUUID().toString());
        post(fail.toString()).expectStatus().isCreated();
        assertThat(receiver.next(Duration.ofMinutes(2)).body()).contains("\"event\":\"incident.opened\"");

        open("#/alerts");
        Locator incident = byId("alerts-incidents").locator("tbody tr");
        assertThat(incident).hasCount(1);
        assertThat(incident.locator("td").nth(3)).hasText("BQ.upload");
        assertThat(incident.locator("td").nth(4)).hasText("Job BQ.upload failed");
        assertThat(incident.locator("td").nth(5)).hasText("3 dataset(s), 2 job(s)Owners: ***");
        assertThat(byId("alerts-deliveries").locator("tbody tr td").nth(1)).hasText("incident.opened");
        screenshot("AlertsUiTest-incident");

        incident.locator("button.acknowledge").click();
        assertThat(byId("alerts-notice")).hasText("Incident acknowledged");
        assertThat(byId("alerts-incidents").locator("tbody tr td").nth(6)).containsText("Acknowledged");

        byId("alerts-rules").locator("button.mute").click();
        assertThat(byId("alerts-notice")).hasText("Rule muted");
        assertThat(byId("alerts-rules").locator("tbody tr td").nth(4)).hasText("Muted");
        assertThat(receiver.received()).hasSize(1);
    }
}
