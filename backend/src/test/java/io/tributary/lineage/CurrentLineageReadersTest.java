package io.tributary.lineage;

import static io.tributary.lineage.TestEvents.columnLineage;
import static io.tributary.lineage.TestEvents.input;
import static io.tributary.lineage.TestEvents.ownership;
import static io.tributary.lineage.TestEvents.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;

/**
 * Every reader of job-dataset edges other than the lineage walk answers current lineage too. Job etl (owned by
 * team-etl) writes X; its January run reads A and B and derives X.id from A.id and X.name from B.name; its February
 * run, with new SQL, reads only A. B's edge to etl and the derivation of X.name are history: producers, consumers,
 * Job.inputs, impact (CSV and columns included), column lineage and the home page's figures leave them out; the
 * history and since arguments bring them back.
 */
class CurrentLineageReadersTest extends LineageTestSupport {

    private static final String NS = "warehouse";
    private static final String JANUARY_RUN = TestEvents.runId("readers-january");
    private static final String FEBRUARY_RUN = TestEvents.runId("readers-february");
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    private static final String CONSUMERS = """
            query($name: String!, $history: Boolean, $since: DateTime) {
              dataset(namespace: "warehouse", name: $name) {
                consumers(history: $history, since: $since) { name }
                producers(history: $history, since: $since) { name }
              }
            }""";

    @BeforeEach
    void ingest() {
        var january = Map.<String, Object>of(
                "sql", Map.of("query", "SELECT a.id, b.name FROM a JOIN b"), "ownership", ownership("team-etl"));
        var february = Map.<String, Object>of(
                "sql", Map.of("query", "SELECT a.id FROM a"), "ownership", ownership("team-etl"));
        var a = TestEvents.dataset(NS, "A", Map.of("schema", schema("id", "int")));
        var b = TestEvents.dataset(NS, "B", Map.of("schema", schema("name", "string")));
        var xJanuary = TestEvents.dataset(
                NS,
                "X",
                Map.of(
                        "schema",
                        schema("id", "int", "name", "string"),
                        "columnLineage",
                        columnLineage(Map.of(
                                "id", List.of(input(NS, "A", "id", "DIRECT", "IDENTITY")),
                                "name", List.of(input(NS, "B", "name", "DIRECT", "IDENTITY"))))));
        var xFebruary = TestEvents.dataset(
                NS,
                "X",
                Map.of(
                        "schema",
                        schema("id", "int", "name", "string"),
                        "columnLineage",
                        columnLineage(Map.of("id", List.of(input(NS, "A", "id", "DIRECT", "IDENTITY"))))));
        postAll(List.of(
                TestEvents.run(
                        "START", "2025-01-01T00:00:00Z", JANUARY_RUN, NS, "etl", january, List.of(a, b), List.of()),
                TestEvents.run(
                        "COMPLETE",
                        "2025-01-01T00:10:00Z",
                        JANUARY_RUN,
                        NS,
                        "etl",
                        january,
                        List.of(),
                        List.of(xJanuary)),
                TestEvents.run(
                        "START", "2025-02-01T00:00:00Z", FEBRUARY_RUN, NS, "etl", february, List.of(a), List.of()),
                TestEvents.run(
                        "COMPLETE",
                        "2025-02-01T00:10:00Z",
                        FEBRUARY_RUN,
                        NS,
                        "etl",
                        february,
                        List.of(a),
                        List.of(xFebruary))));
    }

    @Test
    void consumersAreCurrentByDefaultAndHistoryOrSinceBringsBackAJobThatStoppedReading() {
        assertThat(jobs("B", null, null, "consumers")).isEmpty();
        assertThat(jobs("A", null, null, "consumers")).containsExactly("etl");
        assertThat(jobs("X", null, null, "producers")).containsExactly("etl");

        assertThat(jobs("B", true, null, "consumers")).containsExactly("etl");
        assertThat(jobs("B", null, "2024-12-31T00:00:00Z", "consumers")).containsExactly("etl");
        // B was last reported on January 1st: a window from January 20th does not reach it.
        assertThat(jobs("B", null, "2025-01-20T00:00:00Z", "consumers")).isEmpty();
        assertThat(jobs("A", null, "2025-01-20T00:00:00Z", "consumers")).containsExactly("etl");
    }

    @Test
    void historyWithSinceIsABadRequest() {
        expectError(
                CONSUMERS,
                Map.of("name", "B", "history", true, "since", "2024-12-31T00:00:00Z"),
                ErrorType.BAD_REQUEST,
                "history or since, not both");
    }

    @Test
    void aJobsInputsAreItsLatestVersions() {
        assertThat(graphQl.document("""
                        { job(namespace: "warehouse", name: "etl") { inputs { name } outputs { name } } }""")
                        .execute()
                        .path("job.inputs[*].name")
                        .entityList(String.class)
                        .get())
                .containsExactly("A");
    }

    @Test
    void impactOfTheDroppedInputReachesNothingNotEvenColumnsAndItsCsvIsEmpty() {
        var impact = graphQl.document("""
                        { impact(node: {kind: DATASET, namespace: "warehouse", name: "B"}, includeColumns: true) {
                            jobs { name } datasets { name } columns { name field } owners } }""").execute();
        impact.path("impact.jobs").entityList(Object.class).hasSize(0);
        impact.path("impact.datasets").entityList(Object.class).hasSize(0);
        impact.path("impact.columns").entityList(Object.class).hasSize(0);
        impact.path("impact.owners").entityList(String.class).hasSize(0);

        String csv = web.get()
                .uri("/api/v1/impact.csv?namespace=warehouse&name=B&includeColumns=true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv).isEqualTo("kind,namespace,name,field,distance,owners\r\n");

        // The input the job still reads keeps its impact, columns included.
        var kept = graphQl.document("""
                        { impact(node: {kind: DATASET, namespace: "warehouse", name: "A"}, includeColumns: true) {
                            jobs { name } columns { name field } owners } }""").execute();
        kept.path("impact.jobs[*].name").entityList(String.class).containsExactly("etl");
        kept.path("impact.columns[*].field").entityList(String.class).containsExactly("id");
        kept.path("impact.owners").entityList(String.class).containsExactly("team-etl");
    }

    @Test
    void columnLineageFollowsOnlyDerivationsOfTheLatestVersionButAsOfShowsTheOlderOne() {
        var upstream = graphQl.document(COLUMN_LINEAGE)
                .variable("node", field(NS, "X", "name"))
                .variable("direction", "UPSTREAM")
                .execute();
        upstream.path("columnLineage.nodes[*].id")
                .entityList(String.class)
                .containsExactly(NodeId.field(NS, "X", "name"));

        graphQl.document(COLUMN_LINEAGE)
                .variable("node", field(NS, "X", "name"))
                .variable("direction", "UPSTREAM")
                .variable("asOf", "2025-01-15T00:00:00Z")
                .execute()
                .path("columnLineage.nodes[*].id")
                .entityList(String.class)
                .containsExactly(NodeId.field(NS, "X", "name"), NodeId.field(NS, "B", "name"));
        graphQl.document(COLUMN_LINEAGE)
                .variable("node", field(NS, "X", "id"))
                .variable("direction", "UPSTREAM")
                .execute()
                .path("columnLineage.nodes[*].id")
                .entityList(String.class)
                .containsExactly(NodeId.field(NS, "X", "id"), NodeId.field(NS, "A", "id"));
    }

    @Test
    void theHomePageCountsCurrentEdgesOnly() {
        List<Map<String, Object>> connected = graphQl.document(
                        "{ estate { mostConnectedDatasets { name readers writers } } }")
                .execute()
                .path("estate.mostConnectedDatasets")
                .entity(LIST)
                .get();

        assertThat(connected)
                .extracting(d -> d.get("name") + " " + d.get("readers") + "/" + d.get("writers"))
                .containsExactly("A 1/0", "X 0/1");
    }

    private List<String> jobs(String dataset, Boolean history, String since, String field) {
        var request = graphQl.document(CONSUMERS).variable("name", dataset);
        if (history != null) {
            request = request.variable("history", history);
        }
        if (since != null) {
            request = request.variable("since", since);
        }
        return request.execute().path("dataset." + field).entity(LIST).get().stream()
                .map(job -> (String) job.get("name"))
                .toList();
    }
}
