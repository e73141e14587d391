package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/lineage/batch}: each event accepted or refused on its own, the valid ones committed together. */
class BatchIngestTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NO_RUN_ID = Fixtures.text("invalid/fluentd__event_no_run_id.json");

    @Test
    void acceptsAllValidEventsAndBuildsTheSameGraphAsSinglePosts() {
        // Compact texts, as the batch endpoint archives each element compactly.
        List<String> events = new ArrayList<>();
        SparkColumnLineageIngestTest.events()
                .forEach(e -> events.add(JSON.readTree(e).toString()));
        postAll(events);
        List<String> singly = canonicalGraph();
        emptyGraph();

        Map<String, Object> answer = accepted(postBatch(Fixtures.array(events)));

        assertThat(answer)
                .containsExactly(
                        Map.entry("status", "success"),
                        Map.entry("summary", summary(9, 9, 0)),
                        Map.entry("failed_events", List.of()));
        assertThat(canonicalGraph()).containsExactlyElementsOf(singly);
    }

    @Test
    void acceptsTheValidEventsOfAMixedBatchAndNamesTheRefusedOnes() {
        String start = Fixtures.text("spark/compat-tests-cll/1.json");
        String complete = Fixtures.text("spark/compat-tests-cll/9.json");

        Map<String, Object> answer = accepted(postBatch(Fixtures.array(List.of(start, NO_RUN_ID, complete, "42"))));

        assertThat(answer).containsEntry("status", "partial_success").containsEntry("summary", summary(4, 2, 2));
        assertThat(answer.get("failed_events"))
                .isEqualTo(List.of(
                        Map.of(
                                "index",
                                1,
                                "reason",
                                "[1].run.runId: is required",
                                "retriable",
                                false,
                                "errors",
                                List.of(Map.of(
                                        "pointer", "/1/run/runId", "field", "[1].run.runId", "detail", "is required"))),
                        Map.of(
                                "index",
                                3,
                                "reason",
                                "[3]: expected an OpenLineage event (a JSON object)",
                                "retriable",
                                false,
                                "errors",
                                List.of(Map.of(
                                        "pointer",
                                        "/3",
                                        "field",
                                        "[3]",
                                        "detail",
                                        "expected an OpenLineage event (a JSON object)")))));
        assertThat(query("MATCH (r:Run) RETURN r.runId AS run, r.state AS state, r.durationMs AS ms"))
                .containsExactly(row("run", SparkColumnLineageIngestTest.APP_RUN, "state", "COMPLETED", "ms", 4373L));
        // Nothing of the refused event: neither its job, its namespace nor its datasets.
        assertThat(query("""
                        MATCH (n) WHERE NOT n:Migration AND NOT n:ProjectionPosition
                        RETURN labels(n)[0] AS label, collect(coalesce(n.name, n.runId, n.job)) AS names
                        ORDER BY label"""))
                .containsExactly(
                        row(
                                "label",
                                "Event",
                                "names",
                                List.of(SparkColumnLineageIngestTest.APP_RUN, SparkColumnLineageIngestTest.APP_RUN)),
                        row("label", "Job", "names", List.of("open_lineage_integration_create_table")),
                        // The valid event completed its run: the job's one version.
                        row("label", "JobVersion", "names", List.of("open_lineage_integration_create_table")),
                        row("label", "Namespace", "names", List.of("testColumnLevelLineage")),
                        row("label", "Run", "names", List.of(SparkColumnLineageIngestTest.APP_RUN)));
    }

    @Test
    void refusesABatchOfOnlyInvalidEventsWith400AndWritesNothing() {
        var noEventTime = (ObjectNode) JSON.readTree(Fixtures.text("spec-examples/fluentd__event_simple.json"));
        noEventTime.remove("eventTime");

        Map<String, Object> problem =
                problem(postBatch(Fixtures.array(List.of(NO_RUN_ID, noEventTime.toString()))), 400);

        assertThat(pointers(problem)).containsExactly("/0/run/runId", "/1/eventTime");
        assertThat((String) problem.get("detail")).startsWith("No event of the batch is valid");
        assertThat(countNodes()).isZero();
    }

    @Test
    void refusesABatchOverTheEventLimitWith400AndWritesNothing() {
        String template = Fixtures.text("edge-cases/marquez__event_required_only.json");
        var events = new ArrayList<String>();
        for (int i = 0; i < 1001; i++) {
            events.add(template.replace(
                    "43d7db3b-8984-4cda-b237-8c6919b36670", UUID.randomUUID().toString()));
        }

        Map<String, Object> problem = problem(postBatch(Fixtures.array(events)), 400);

        assertThat(problem).containsEntry("detail", "a batch holds at most 1000 events, got 1001");
        assertThat(countNodes()).isZero();
    }

    @Test
    void acceptsABatchAtTheEventLimit() {
        String template = Fixtures.text("edge-cases/marquez__event_required_only.json");
        var events = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            events.add(template.replace(
                    "43d7db3b-8984-4cda-b237-8c6919b36670", UUID.randomUUID().toString()));
        }

        assertThat(accepted(postBatch(Fixtures.array(events)))).containsEntry("summary", summary(1000, 1000, 0));
        assertThat(single("MATCH (r:Run)-[:RUN_OF]->(:Job {name: 'myjob'}) RETURN count(r)"))
                .isEqualTo(1000L);
    }

    @Test
    void refusesASingleEventObjectOnTheBatchEndpoint() {
        Map<String, Object> problem = problem(postBatch(Fixtures.text("spark/compat-tests-cll/1.json")), 400);

        assertThat(problem).containsEntry("detail", "expected a JSON array of OpenLineage events");
        assertThat(countNodes()).isZero();
    }

    @Test
    void storesAnEventRepeatedInOneBatchOnce() {
        String start = Fixtures.text("spark/compat-tests-cll/1.json");

        assertThat(accepted(postBatch(Fixtures.array(List.of(start, start)))))
                .containsEntry("summary", summary(2, 2, 0));
        assertThat(single("MATCH (e:Event) RETURN count(e)")).isEqualTo(1L);
        assertThat(single("MATCH (r:Run) RETURN count(r)")).isEqualTo(1L);
    }

    private Map<String, Object> accepted(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> summary(int received, int successful, int failed) {
        return Map.of(
                "received", received,
                "successful", successful,
                "failed", failed,
                "retriable", 0,
                "non_retriable", failed);
    }
}
