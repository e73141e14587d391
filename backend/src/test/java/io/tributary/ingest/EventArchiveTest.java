package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(query("""
                        MATCH (e:Event)
                        RETURN e.json AS json, e.runId AS runId, e.eventTime AS eventTime, e.eventType AS eventType,
                               e.kind AS kind, e.jobNamespace + '/' + e.jobName AS job, e.producer AS producer""")).containsExactlyInAnyOrderElementsOf(expected);
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

        assertThat(query("MATCH (e:Event) RETURN e.json AS json")).containsExactly(row("json", pretty));
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

        assertThat(query("MATCH (e:Event) RETURN e.producer AS producer, e.json AS json"))
                .containsExactly(row("producer", "urn:tributary:unknown-producer", "json", event.toString()));
    }
}
