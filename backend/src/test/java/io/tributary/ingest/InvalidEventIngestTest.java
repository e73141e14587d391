package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events that must be refused: 400 with a problem naming each offending field, and nothing of them written. The
 * graph already holds a run of the same job (the fluentd simple event) so that a partial write would show.
 */
class InvalidEventIngestTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = Fixtures.text("spec-examples/fluentd__event_simple.json");

    private List<String> graphBefore;

    @BeforeEach
    void ingestAValidRunOfTheSameJob() {
        post(VALID).expectStatus().isCreated();
        graphBefore = canonicalGraph();
        // Event, Job, its JobVersion (the run completed), Run, three Datasets, the DatasetVersion the run wrote to its
        // one output, two Namespaces.
        assertThat(countNodes()).isEqualTo(10L);
    }

    @Test
    void rejectsEventWithoutRunId() {
        assertRejected(Fixtures.text("invalid/fluentd__event_no_run_id.json"), "/run/runId");
    }

    @Test
    void rejectsParentFacetWithoutRunIdThroughTheFacetSchema() {
        assertRejected(Fixtures.text("invalid/fluentd__event_invalid_run_facet.json"), "/run/facets/parent/run/runId");
    }

    @Test
    void rejectsOwnershipFacetWithAnOwnerWithoutNameThroughTheFacetSchema() {
        assertRejected(
                Fixtures.text("invalid/fluentd__event_invalid_dataset_facet.json"),
                "/outputs/0/facets/ownership/owners/0/name");
    }

    @Test
    void rejectsFluentdFullEventBecauseItsDataQualityMetricsLackTheRequiredColumnMetrics() {
        assertRejected(
                Fixtures.text("spec-examples/fluentd__event_full.json"),
                "/inputs/0/inputFacets/dataQualityMetrics/columnMetrics");
    }

    @Test
    void rejectsMarquezFullEventBecauseItsDataQualityMetricsLackTheRequiredColumnMetrics() {
        assertRejected(
                Fixtures.text("spec-examples/marquez__event_full.json"),
                "/inputs/0/inputFacets/dataQualityMetrics/columnMetrics");
    }

    @Test
    void rejectsRunIdThatIsANumber() {
        assertRejected(edited(e -> ((ObjectNode) e.get("run")).put("runId", 123)), "/run/runId");
    }

    @Test
    void rejectsRunIdThatIsNotAUuid() {
        assertRejected(edited(e -> ((ObjectNode) e.get("run")).put("runId", "run-1")), "/run/runId");
    }

    @Test
    void rejectsEventTimeThatIsNotADate() {
        assertRejected(edited(e -> e.put("eventTime", "yesterday")), "/eventTime");
    }

    @Test
    void rejectsEventWithoutEventTime() {
        assertRejected(edited(e -> e.remove("eventTime")), "/eventTime");
    }

    @Test
    void rejectsInputsThatAreNotAnArray() {
        assertRejected(edited(e -> e.putObject("inputs")), "/inputs");
    }

    @Test
    void rejectsJobWithoutName() {
        assertRejected(edited(e -> ((ObjectNode) e.get("job")).remove("name")), "/job/name");
    }

    @Test
    void rejectsOutputDatasetWithoutName() {
        assertRejected(edited(e -> ((ObjectNode) e.get("outputs").get(0)).remove("name")), "/outputs/0/name");
    }

    @Test
    void rejectsParentRunIdThatIsNotAUuid() {
        String child = Fixtures.text("spec-examples/python_client__example_full_event.json");
        var event = (ObjectNode) JSON.readTree(child);
        ((ObjectNode) event.at("/run/facets/parent/run")).put("runId", "dag-run-7");

        assertRejected(event.toString(), "/run/facets/parent/run/runId");
    }

    @Test
    void namesEveryOffendingFieldOfAnEvent() {
        Map<String, Object> problem = assertRejected(
                edited(e -> {
                    ((ObjectNode) e.get("run")).put("runId", 123);
                    ((ObjectNode) e.get("job")).remove("namespace");
                }),
                "/run/runId",
                "/job/namespace");

        assertThat(problem)
                .containsEntry("type", "https://tributary.dev/problems/invalid-event")
                .containsEntry("title", "Invalid OpenLineage event");
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors)
                .extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("run.runId", "job.namespace");
    }

    @Test
    void acceptsEventWhoseSchemaUrlNamesAnUnknownSchemaBecauseValidationUsesTheBundledSchemas() {
        // Only the spec's own schemas decide (schemaURL is informational; the python client example sends
        // "http://test.schema.url"); this event is otherwise valid, so it is stored.
        post(Fixtures.text("invalid/fluentd__event_with_invalid_schema_url.json"))
                .expectStatus()
                .isCreated();

        assertThat(query("MATCH (r:Run)-[:RUN_OF]->(j:Job) RETURN r.runId AS run, r.state AS state, j.name AS job"))
                .containsExactly(
                        row("run", "41fb5137-f0fd-4ee5-ba5c-56f8571d1bd7", "state", "COMPLETED", "job", "myjob"));
        assertThat(single("MATCH (e:Event) RETURN count(e)")).isEqualTo(2L);
    }

    /** Posts the event, expects 400 naming exactly these pointers, and checks that the graph did not change. */
    private Map<String, Object> assertRejected(String event, String... pointers) {
        Map<String, Object> problem = problem(post(event), 400);

        assertThat(pointers(problem)).containsExactlyInAnyOrder(pointers);
        assertThat(canonicalGraph()).containsExactlyElementsOf(graphBefore);
        return problem;
    }

    /** The valid event, edited. */
    private static String edited(Consumer<ObjectNode> edit) {
        var event = (ObjectNode) JSON.readTree(VALID);
        edit.accept(event);
        return event.toString();
    }
}
