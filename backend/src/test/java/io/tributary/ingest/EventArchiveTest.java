package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.archive.ArchivedJson;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every accepted event is archived as an (:Event) node holding the body exactly as it was sent. */
class EventArchiveTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void archivesEveryAcceptedEventVerbatimWithItsKeys() {
        List<String> events = DeliveryOrderIngestTest.airflow();
        postAll(events);

        var expected = new ArrayList<Map<String, Object>>();
        for (String event : events) {
            JsonNode tree = JSON.readTree(event);
            expected.add(row(
                    "json",
                    event,
                    "runId",
                    tree.path("run").path("runId").asString(),
                    "eventTime",
                    time(tree.path("eventTime").asString()),
                    "eventType",
                    tree.path("eventType").asString(),
                    "kind",
                    "RUN",
                    "job",
                    tree.path("job").path("namespace").asString() + "/"
                            + tree.path("job").path("name").asString(),
                    "producer",
                    "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0"));
        }
        assertThat(bodiesAsText(query("""
                        MATCH (e:Event)
                        RETURN e.jsonGzip AS json, e.runId AS runId, e.eventTime AS eventTime, e.eventType AS eventType,
                               e.kind AS kind, e.jobNamespace + '/' + e.jobName AS job, e.producer AS producer"""))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(query("MATCH (e:Event) RETURN e.id AS id, e.receivedAt AS receivedAt"))
                .hasSize(12)
                .allSatisfy(e -> {
                    assertThat((String) e.get("id")).matches("[0-9a-f]{64}");
                    assertThat(e.get("receivedAt")).isNotNull();
                });
    }

    @Test
    void recognisesARedeliveredEventWhateverItsFormattingAndKeepsTheFirstBody() {
        String pretty = Fixtures.text("spark/compat-tests-cll/4.json");
        var reordered = (ObjectNode) JSON.readTree(pretty);
        JsonNode run = reordered.remove("run");
        reordered.set("run", run);
        String compact = reordered.toString();
        assertThat(compact).isNotEqualTo(pretty);

        post(pretty).expectStatus().isCreated();
        post(compact).expectStatus().isCreated();

        assertThat(bodiesAsText(query("MATCH (e:Event) RETURN e.jsonGzip AS json")))
                .containsExactly(row("json", pretty));
    }

    @Test
    void storesTheBodyCompressedAndAnswersItAsSentThroughTheApi() {
        String event = Fixtures.text("spark/compat-tests-cll/8.json"); // a real 39 KB Spark event, pretty-printed
        post(event).expectStatus().isCreated();

        var stored = query("MATCH (e:Event) RETURN e.json AS text, size(e.jsonGzip) AS bytes, e.id AS id");
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("text")).isNull();
            assertThat((Long) row.get("bytes")).isLessThan(event.length() / 5L);
        });
        assertTheEventsQueryAnswers(event);
    }

    /** Events archived before bodies were compressed keep their text in {@code json}: every read still answers it. */
    @Test
    void readsBodiesArchivedAsTextBeforeCompression() {
        String event = Fixtures.text("spark/compat-tests-cll/4.json");
        post(event).expectStatus().isCreated();
        query("MATCH (e:Event) SET e.json = $text REMOVE e.jsonGzip", Map.of("text", event));

        assertTheEventsQueryAnswers(event);
        // The export reads the same column: the body on one line, as sent.
        web.get()
                .uri("/api/v1/export")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(event.replace('\n', ' ').replace('\r', ' ') + "\n");
    }

    private void assertTheEventsQueryAnswers(String event) {
        graphQl.document("""
                        query($runId: ID!) { events(runId: $runId) { edges { node { event } } } }""")
                .variable(
                        "runId", JSON.readTree(event).path("run").path("runId").asString())
                .execute()
                .path("events.edges[0].node.event")
                .entity(Map.class)
                .isEqualTo(JSON.readValue(event, Map.class));
    }

    @Test
    void archivesADifferentEventOfTheSameRunSeparately() {
        String complete = Fixtures.text("spark/compat-tests-cll/4.json");
        String edited = complete.replace("\"eventType\": \"COMPLETE\"", "\"eventType\": \"FAIL\"");
        assertThat(edited).isNotEqualTo(complete);

        postAll(List.of(complete, edited));

        assertThat(query("MATCH (e:Event) RETURN e.eventType AS type ORDER BY type"))
                .containsExactly(row("type", "COMPLETE"), row("type", "FAIL"));
        // Same time: COMPLETE outranks FAIL.
        assertThat(single(
                        "MATCH (r:Run {runId: $id}) RETURN r.state",
                        Map.of("id", SparkColumnLineageIngestTest.SOURCE2_RUN)))
                .isEqualTo("COMPLETED");
    }

    @Test
    void archivesAnEventWithoutProducerUnderTheUnknownProducer() {
        var event = (ObjectNode) JSON.readTree(Fixtures.text("edge-cases/marquez__event_required_only.json"));
        event.remove("producer");
        event.remove("schemaURL");

        post(event.toString()).expectStatus().isCreated();

        assertThat(bodiesAsText(query("MATCH (e:Event) RETURN e.producer AS producer, e.jsonGzip AS json")))
                .containsExactly(row("producer", "urn:tributary:unknown-producer", "json", event.toString()));
    }

    /** Rows whose {@code json} column holds a compressed body, with the body as text. */
    private static List<Map<String, Object>> bodiesAsText(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> {
                    var copy = new java.util.LinkedHashMap<>(row);
                    copy.computeIfPresent("json", (k, v) -> ArchivedJson.decompress((byte[]) v));
                    return (Map<String, Object>) copy;
                })
                .toList();
    }
}
