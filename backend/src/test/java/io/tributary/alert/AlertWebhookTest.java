package io.tributary.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alerts end to end: rules created through GraphQL with the write key, real fixture events ingested over HTTP, and a
 * real webhook receiver on a loopback port. The Airflow DAG BQ: BQ.upload writes upload, which BQ.copy (owned by
 * team-copy) copies to upload_cp, which BQ.download (owned by team-download) writes to result.csv (tagged
 * owner:finance-analysts): three owners downstream of BQ.upload.
 */
@TestPropertySource(
        properties = {
            "tributary.alert.delivery.first-backoff=50ms",
            "tributary.alert.delivery.max-backoff=200ms",
            "tributary.alert.check-interval=1s",
            // The first batch of a cold JVM on a loaded build machine can take longer than the default 30 s.
            "tributary.ingest.write-timeout=2m"
        })
@Import(AlertWebhookTest.TestClock.class)
class AlertWebhookTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String BQ = "airflow/compat-tests-bq-dag/line_0";
    private static final String SECRET = "s3cret-for-hmac";

    /** The alerts' clock, which the freshness test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2024-11-26T14:00:00Z");

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock alertTestClock() {
            return new MutableClock();
        }
    }

    @Autowired
    AlertRules rules;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiverAndNoRules() {
        // The graph was emptied (rules included): forget the rules of the test before.
        rules.reload();
        clock.set("2024-11-26T14:00:00Z");
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void failedRunOfAJobWithThreeDownstreamOwnersSendsOneSignedAlertNamingThemAndResolvesOnTheNextCompletedRun()
            throws Exception {
        createRule(Map.of(
                "name",
                "BQ jobs failing",
                "kind",
                "JOB_FAILED",
                "scope",
                Map.of("namespace", "airflow", "job", "BQ.*"),
                "webhook",
                Map.of("url", receiver.url("/hooks/T000/B000/token"), "format", "JSON", "secret", SECRET)));
        ingestDag();
        String fail = bqUploadRun("FAIL", UUID.randomUUID().toString(), "2024-11-27T13:05:29Z");

        post(fail).expectStatus().isCreated();

        WebhookReceiver.Request opened = receiver.next(WAIT);
        JsonNode body = JSON.readTree(opened.body());
        assertThat(body.path("event").asString()).isEqualTo("incident.opened");
        assertThat(body.path("rule").path("kind").asString()).isEqualTo("JOB_FAILED");
        assertThat(body.path("subject").path("id").asString()).isEqualTo("JOB:airflow:BQ.upload");
        assertThat(body.path("summary").asString()).isEqualTo("Job BQ.upload failed");
        JsonNode impact = body.path("impact");
        assertThat(names(impact.path("ownerNames"))).containsExactly("finance-analysts", "team-copy", "team-download");
        assertThat(impact.path("datasetCount").asInt()).isEqualTo(3);
        assertThat(impact.path("jobCount").asInt()).isEqualTo(2);
        assertThat(impact.path("owners").get(1).path("jobCount").asInt()).isEqualTo(1);
        assertThat(impact.path("url").asString()).contains("/#/lineage/JOB:airflow:BQ.upload");
        assertThat(opened.header("X-Tributary-Event")).isEqualTo("incident.opened");
        assertThat(opened.header("X-Tributary-Delivery"))
                .isEqualTo(body.path("deliveryId").asString());
        assertThat(opened.header("Content-Type")).startsWith("application/json");
        // The receiver's check: HMAC-SHA256 of "<timestamp>.<body>" with the shared secret, compared in constant time.
        String expected = "sha256=" + hmac(SECRET, opened.header("X-Tributary-Timestamp") + "." + opened.body());
        assertThat(MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        opened.header("X-Tributary-Signature").getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(hmac("another secret", opened.header("X-Tributary-Timestamp") + "." + opened.body()))
                .isNotEqualTo(opened.header("X-Tributary-Signature").substring("sha256=".length()));

        // The same FAIL again, twice (a client retrying), then the next run completes.
        post(fail).expectStatus().isCreated();
        post(fail).expectStatus().isCreated();
        post(bqUploadRun("COMPLETE", UUID.randomUUID().toString(), "2024-11-28T13:05:29Z"))
                .expectStatus()
                .isCreated();

        WebhookReceiver.Request resolved = receiver.next(WAIT);
        JsonNode resolvedBody = JSON.readTree(resolved.body());
        assertThat(resolvedBody.path("event").asString()).isEqualTo("incident.resolved");
        assertThat(resolvedBody.path("incident").path("id").asString())
                .isEqualTo(body.path("incident").path("id").asString());
        assertThat(resolvedBody.path("incident").path("status").asString()).isEqualTo("RESOLVED");
        // Events are evaluated in order: the redelivered FAILs came before the COMPLETE and sent nothing.
        assertThat(receiver.received()).hasSize(2);

        List<Map<String, Object>> incidents = incidents();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.getFirst())
                .containsEntry("status", "RESOLVED")
                .containsEntry("occurrences", 1)
                .containsEntry("resolvedBy", "auto");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(deliveries())
                        .extracting(d -> d.get("event") + " " + d.get("status") + " " + d.get("attempts"))
                        .containsExactlyInAnyOrder("incident.resolved DELIVERED 1", "incident.opened DELIVERED 1"));
    }

    @Test
    void retriesADeliveryTheReceiverAnswered500WithTheSameBodyAndDeliveryId() {
        double failedAttempts = failedAttempts();
        createRule(Map.of(
                "name",
                "BQ.upload failing",
                "kind",
                "JOB_FAILED",
                "scope",
                Map.of("job", "BQ.upload"),
                "webhook",
                Map.of("url", receiver.url("/alerts"))));
        ingestDag();
        receiver.answerNext(500);

        post(bqUploadRun("FAIL", UUID.randomUUID().toString(), "2024-11-27T13:05:29Z"))
                .expectStatus()
                .isCreated();

        WebhookReceiver.Request first = receiver.next(WAIT);
        WebhookReceiver.Request second = receiver.next(WAIT);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("X-Tributary-Delivery")).isEqualTo(first.header("X-Tributary-Delivery"));
        assertThat(second.header("X-Tributary-Signature"))
                .as("no secret, no signature")
                .isNull();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(deliveries())
                        .singleElement()
                        .satisfies(d -> assertThat(d)
                                .containsEntry("status", "DELIVERED")
                                .containsEntry("attempts", 2)
                                .containsEntry("lastStatusCode", 200)
                                .containsEntry(
                                        "url",
                                        "http://127.0.0.1:" + receiver.url("").split(":")[2] + "/…")));
        assertThat(failedAttempts()).isEqualTo(failedAttempts + 1);
    }

    @Test
    void freshnessSlaFiresWithNoEventAtAllAndResolvesWhenTheDatasetIsWritten() {
        ingestDag(); // upload_cp last written at 2024-11-26T13:05:34Z by BQ.copy
        createRule(Map.of(
                "name", "upload_cp every 6h",
                "kind", "FRESHNESS",
                "scope", Map.of("dataset", "mock-project.test.upload_cp"),
                "freshness", Map.of("maxAge", "6h"),
                "webhook", Map.of("url", receiver.url("/fresh"), "format", "SLACK")));

        clock.set("2024-11-26T20:00:00Z"); // nearly 7 hours later; no event is sent

        WebhookReceiver.Request stale = receiver.next(WAIT);
        JsonNode slack = JSON.readTree(stale.body());
        assertThat(slack.path("text").asString())
                .isEqualTo(":red_circle: Freshness SLA missed: mock-project.test.upload_cp not written since "
                        + "2024-11-26T13:05:34.626595Z; expected written at least every 6h");
        assertThat(slack.path("blocks").get(1).path("text").path("text").asString())
                .isEqualTo("*Downstream:* 1 dataset(s), 1 job(s)\n*Owners to tell:* finance-analysts (1 dataset), "
                        + "team-download (1 job)");

        String run = UUID.randomUUID().toString();
        post(fixture(BQ + "5.json", e -> {
                    e.put("eventTime", "2024-11-26T19:30:00Z");
                    ((ObjectNode) e.get("run")).put("runId", run);
                }))
                .expectStatus()
                .isCreated();

        JsonNode resolved = JSON.readTree(receiver.next(WAIT).body());
        assertThat(resolved.path("text").asString()).startsWith(":large_green_circle: Resolved: ");
        assertThat(incidents())
                .singleElement()
                .satisfies(
                        i -> assertThat(i).containsEntry("status", "RESOLVED").containsEntry("kind", "FRESHNESS"));
    }

    @Test
    void schemaChangeNamesTheDownstreamColumnsOfTheRemovedAndRetypedFields() {
        createRule(Map.of(
                "name",
                "Breaking schema changes",
                "kind",
                "SCHEMA_CHANGE",
                "webhook",
                Map.of(
                        "url", receiver.url("/schema"),
                        "format", "TEMPLATE",
                        "template", "{\"text\": \"{{summary}}\", \"columns\": {{impact.columnCount}}}")));
        ingestDag();

        // BQ.upload runs again: its output loses d and c becomes a STRING.
        post(fixture(BQ + "3.json", e -> {
                    e.put("eventTime", "2024-11-27T13:05:29Z");
                    ((ObjectNode) e.get("run")).put("runId", UUID.randomUUID().toString());
                    var fields = (tools.jackson.databind.node.ArrayNode)
                            e.get("outputs").get(0).get("facets").get("schema").get("fields");
                    fields.remove(3);
                    ((ObjectNode) fields.get(2)).put("type", "STRING");
                }))
                .expectStatus()
                .isCreated();

        JsonNode body = JSON.readTree(receiver.next(WAIT).body());
        assertThat(body.path("text").asString())
                .isEqualTo("Schema of mock-project.test.upload changed: removed d; retyped c (INTEGER → STRING); "
                        + "4 downstream column(s) affected");
        assertThat(body.path("columns").asInt()).isEqualTo(4);
        var incident = incidents().getFirst();
        @SuppressWarnings("unchecked")
        var columns = (List<Map<String, Object>>) ((Map<String, Object>) incident.get("impact")).get("columns");
        assertThat(columns)
                .extracting(c -> c.get("name") + "." + c.get("field") + "@" + c.get("distance"))
                .containsExactly(
                        "mock-project.test.upload_cp.c@1",
                        "mock-project.test.upload_cp.d@1",
                        "result.csv.c@2",
                        "result.csv.d@2");
    }

    @Test
    void aJobThatStopsReadingADatasetAlertsOnceWithItsDownstreamAndResolvesWhenItReadsItAgain() {
        createRule(Map.of(
                "name",
                "Inputs dropped",
                "kind",
                "LINEAGE_DROPPED",
                "scope",
                Map.of("namespace", "airflow", "job", "BQ.*"),
                "webhook",
                Map.of("url", receiver.url("/dropped"))));
        ingestDag();
        // BQ.upload runs again without copied.csv: a new version, now current.
        String dropped = bqUploadRunReading("test.csv", UUID.randomUUID().toString(), "2024-11-27T13:05:29Z");

        post(dropped).expectStatus().isCreated();

        JsonNode body = JSON.readTree(receiver.next(WAIT).body());
        assertThat(body.path("event").asString()).isEqualTo("incident.opened");
        assertThat(body.path("rule").path("kind").asString()).isEqualTo("LINEAGE_DROPPED");
        assertThat(body.path("subject").path("id").asString()).isEqualTo("JOB:airflow:BQ.upload");
        JsonNode details = body.path("details");
        assertThat(details.path("job").path("name").asString()).isEqualTo("BQ.upload");
        assertThat(details.path("dataset").path("namespace").asString()).isEqualTo("gs://mock-bucket");
        assertThat(details.path("dataset").path("name").asString()).isEqualTo("copied.csv");
        assertThat(details.path("direction").asString()).isEqualTo("INPUT");
        String version = details.path("version").asString();
        String previous = details.path("previousVersion").asString();
        assertThat(version).hasSize(64).isNotEqualTo(previous);
        assertThat(previous).hasSize(64);
        assertThat(body.path("summary").asString())
                .isEqualTo("Job BQ.upload stopped reading copied.csv: its current version " + version.substring(0, 12)
                        + " no longer reads it (version " + previous.substring(0, 12) + " did)");
        JsonNode impact = body.path("impact");
        assertThat(names(impact.path("ownerNames"))).containsExactly("finance-analysts", "team-copy", "team-download");
        assertThat(impact.path("datasetCount").asInt()).isEqualTo(3);
        assertThat(impact.path("jobCount").asInt()).isEqualTo(2);

        // The same event redelivered and another run of the new version: the same change, no second alert. Then the
        // job reads copied.csv again: resolved.
        post(dropped).expectStatus().isCreated();
        post(bqUploadRunReading("test.csv", UUID.randomUUID().toString(), "2024-11-28T13:05:29Z"))
                .expectStatus()
                .isCreated();
        post(bqUploadRun("COMPLETE", UUID.randomUUID().toString(), "2024-11-29T13:05:29Z"))
                .expectStatus()
                .isCreated();

        JsonNode resolved = JSON.readTree(receiver.next(WAIT).body());
        assertThat(resolved.path("event").asString()).isEqualTo("incident.resolved");
        assertThat(resolved.path("incident").path("id").asString())
                .isEqualTo(body.path("incident").path("id").asString());
        assertThat(receiver.received()).hasSize(2);
        assertThat(incidents())
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("status", "RESOLVED")
                        .containsEntry("kind", "LINEAGE_DROPPED")
                        .containsEntry("occurrences", 1)
                        .containsEntry("resolvedBy", "auto"));
    }

    // --- helpers

    private void createRule(Map<String, Object> input) {
        graphQl.mutate()
                .header("Authorization", "Bearer " + API_KEY)
                .build()
                .document("mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }")
                .variable("input", input)
                .execute()
                .path("createAlertRule.id")
                .hasValue();
    }

    private List<Map<String, Object>> incidents() {
        return graphQl.document("""
                        { alertIncidents(first: 10) { edges { node {
                            status kind occurrences resolvedBy summary
                            impact { columns { name field distance } }
                        } } } }""")
                .execute()
                .path("alertIncidents.edges[*].node")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    private List<Map<String, Object>> deliveries() {
        return graphQl.document("""
                        { alertDeliveries(first: 10) { edges { node {
                            event status attempts lastStatusCode url
                        } } } }""")
                .execute()
                .path("alertDeliveries.edges[*].node")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    private double failedAttempts() {
        var counter = meters.find("tributary.alert.delivery.attempts.failed").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The DAG's eight events with owners: BQ.copy's team-copy, BQ.download's team-download, result.csv's tag. */
    private void ingestDag() {
        var events = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> fixture(BQ + i + ".json", e -> {
                    String job = e.get("job").get("name").asString();
                    JsonNode ownership = e.get("job").path("facets").path("ownership");
                    if (ownership.isObject() && job.equals("BQ.copy")) {
                        ((ObjectNode) ownership).putArray("owners").addObject().put("name", "team-copy");
                    }
                    if (ownership.isObject() && job.equals("BQ.download")) {
                        ((ObjectNode) ownership).putArray("owners").addObject().put("name", "team-download");
                    }
                    for (JsonNode output : e.path("outputs")) {
                        if (output.get("name").asString().equals("result.csv")) {
                            ((ObjectNode) output.get("facets"))
                                    .putObject("tags")
                                    .put("_producer", "https://github.com/apache/airflow")
                                    .put(
                                            "_schemaURL",
                                            "https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json#/$defs/TagsDatasetFacet")
                                    .putArray("tags")
                                    .addObject()
                                    .put("key", "owner")
                                    .put("value", "finance-analysts");
                        }
                    }
                }))
                .collect(Collectors.joining(",", "[", "]"));
        postBatch(events)
                .expectStatus()
                .is2xxSuccessful()
                .expectBody()
                .jsonPath("$.summary.failed")
                .isEqualTo(0);
    }

    /** BQ.upload's COMPLETE event as another run: its state, run id and time adjusted. */
    private static String bqUploadRun(String eventType, String runId, String eventTime) {
        return fixture(BQ + "3.json", e -> {
            e.put("eventType", eventType);
            e.put("eventTime", eventTime);
            ((ObjectNode) e.get("run")).put("runId", runId);
        });
    }

    /** BQ.upload's COMPLETE event as another run that reads only {@code input} of the fixture's inputs. */
    private static String bqUploadRunReading(String input, String runId, String eventTime) {
        return fixture(BQ + "3.json", e -> {
            e.put("eventTime", eventTime);
            ((ObjectNode) e.get("run")).put("runId", runId);
            var inputs = (tools.jackson.databind.node.ArrayNode) e.get("inputs");
            for (int i = inputs.size() - 1; i >= 0; i--) {
                if (!inputs.get(i).get("name").asString().equals(input)) {
                    inputs.remove(i);
                }
            }
        });
    }

    private static String fixture(String path, java.util.function.Consumer<ObjectNode> change) {
        var event = (ObjectNode) JSON.readTree(Fixtures.text(path));
        change.accept(event);
        return event.toString();
    }

    private static List<String> names(JsonNode array) {
        var names = new java.util.ArrayList<String>();
        array.forEach(n -> names.add(n.asString()));
        return names;
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
