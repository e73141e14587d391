package io.tributary.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class CompareRunsTest extends EndToEndTest {

    private static final String BASELINE = "019127df-0850-72bc-b214-b255290588a6";
    private static final String CHANGED = "019127df-0850-72bc-b214-000000000002";

    private static final String COMPARE = """
            query($a: ID!, $b: ID!) {
              compareRuns(a: $a, b: $b) {
                sameJob durationDeltaMs sqlChanged sqlA sqlB
                inputsAdded { name } inputsRemoved { name } outputsAdded { name } outputsRemoved { name }
                schemaChanges { dataset { name } added { name type } removed { name type } retyped { name typeA typeB } }
              }
            }""";

    @Test
    void reportsSchemaInputSqlAndDurationChangesBetweenTwoRunsOfTheSparkCtasJob() {
        post(Fixtures.text("spark/compat-tests-cll/5.json")).expectStatus().isCreated();
        post(Fixtures.text("spark/compat-tests-cll/8.json")).expectStatus().isCreated();
        // The same job a day later: one input dropped, the output schema changed, SQL now reported, 436 ms slower.
        post(changed("spark/compat-tests-cll/5.json", "2024-08-07T13:26:53.776Z"))
                .expectStatus()
                .isCreated();
        post(changed("spark/compat-tests-cll/8.json", "2024-08-07T13:26:54.776Z"))
                .expectStatus()
                .isCreated();

        graphQl.document(COMPARE)
                .variable("a", BASELINE)
                .variable("b", CHANGED)
                .execute()
                .path("compareRuns")
                .entity(Map.class)
                .satisfies(c -> {
                    assertThat(c).containsEntry("sameJob", true).containsEntry("durationDeltaMs", 436);
                    assertThat(c).containsEntry("sqlChanged", true).containsEntry("sqlA", null);
                    assertThat(c).containsEntry("sqlB", "CREATE TABLE tbl1 AS SELECT ...");
                    assertThat(c).containsEntry("inputsRemoved", List.of(Map.of("name", "/tmp/cll_test/cll_source1")));
                    assertThat(c).containsEntry("inputsAdded", List.of()).containsEntry("outputsAdded", List.of());
                    assertThat(c)
                            .containsEntry(
                                    "schemaChanges",
                                    List.of(Map.of(
                                            "dataset", Map.of("name", "/tmp/cll_test/tbl1"),
                                            "added", List.of(Map.of("name", "extra", "type", "string")),
                                            "removed", List.of(Map.of("name", "trans", "type", "string")),
                                            "retyped",
                                                    List.of(Map.of(
                                                            "name", "agg", "typeA", "long", "typeB", "double")))));
                });
    }

    @Test
    void refusesAnUnknownRun() {
        post(Fixtures.text("spark/compat-tests-cll/8.json")).expectStatus().isCreated();

        graphQl.document(COMPARE)
                .variable("a", BASELINE)
                .variable("b", "00000000-0000-0000-0000-000000000000")
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.NOT_FOUND
                        && e.getMessage().equals("No run 00000000-0000-0000-0000-000000000000"))
                .verify();
    }

    @Test
    void afterTheRetentionPurgeComparesWhatTheGraphKeepsAndSaysTheEventsAreGone() {
        post(Fixtures.text("spark/compat-tests-cll/5.json")).expectStatus().isCreated();
        post(Fixtures.text("spark/compat-tests-cll/8.json")).expectStatus().isCreated();
        post(changed("spark/compat-tests-cll/5.json", "2024-08-07T13:26:53.776Z"))
                .expectStatus()
                .isCreated();
        post(changed("spark/compat-tests-cll/8.json", "2024-08-07T13:26:54.776Z"))
                .expectStatus()
                .isCreated();
        String compare = COMPARE.replace(
                "retyped { name typeA typeB } }",
                "retyped { name typeA typeB } }\n" + "    unavailable { run what dataset { name } }");
        Map<String, Object> archived = comparison(compare);
        assertThat(archived).containsEntry("unavailable", List.of());
        Map<String, Object> facetsArchived = runFacets();
        assertThat(facetsArchived).containsEntry("eventsPurged", false);
        assertThat(facets(facetsArchived)).containsKeys("spark_properties", "processing_engine");

        var writer =
                graphQl.mutate().header("Authorization", "Bearer " + API_KEY).build();
        writer.document("mutation { purgeEvents(before: \"2025-01-01T00:00:00Z\") { purged } }")
                .execute()
                .path("purgeEvents.purged")
                .entity(Long.class)
                .isEqualTo(4L);
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(0L);

        Map<String, Object> purged = comparison(compare);
        var withoutGone = new java.util.HashMap<>(purged);
        withoutGone.remove("unavailable");
        var before = new java.util.HashMap<>(archived);
        before.remove("unavailable");
        assertThat(withoutGone).as("the same differences, from the graph").isEqualTo(before);
        // Run.facets: the standard facets the run's node keeps; the custom ones went with the events, and it says so.
        Map<String, Object> facetsPurged = runFacets();
        assertThat(facetsPurged).containsEntry("eventsPurged", true);
        assertThat(facets(facetsPurged))
                .containsKey("processing_engine")
                .doesNotContainKey("spark_properties")
                .containsEntry(
                        "processing_engine", ((Map<?, ?>) facetsArchived.get("facets")).get("processing_engine"));
        assertThat(purged)
                .containsEntry(
                        "unavailable",
                        List.of(
                                row("run", BASELINE, "what", "EVENTS", "dataset", null),
                                row("run", CHANGED, "what", "EVENTS", "dataset", null)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facets(Map<String, Object> run) {
        return (Map<String, Object>) run.get("facets");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> runFacets() {
        return graphQl.document("query($id: ID!) { run(id: $id) { eventsPurged facets } }")
                .variable("id", BASELINE)
                .execute()
                .path("run")
                .entity(Map.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> comparison(String document) {
        return graphQl.document(document)
                .variable("a", BASELINE)
                .variable("b", CHANGED)
                .execute()
                .path("compareRuns")
                .entity(Map.class)
                .get();
    }

    private static String changed(String fixture, String eventTime) {
        return Fixtures.sparkCtasRerun(fixture, eventTime, CHANGED);
    }
}
