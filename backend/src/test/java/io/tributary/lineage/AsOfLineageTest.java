package io.tributary.lineage;

import static io.tributary.lineage.TestEvents.columnLineage;
import static io.tributary.lineage.TestEvents.input;
import static io.tributary.lineage.TestEvents.schema;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/**
 * Point-in-time lineage. Job etl writes X; its January run reads A (X.id from A.id, X.id an int), its February run
 * reads B instead (X.id from B.id, X.name from B.name, X.id now a bigint).
 */
class AsOfLineageTest extends LineageTestSupport {

    private static final String NS = "warehouse";
    private static final String JANUARY_RUN = TestEvents.runId("etl-january");
    private static final String FEBRUARY_RUN = TestEvents.runId("etl-february");

    @BeforeEach
    void ingest() {
        send(run("START", "2025-01-01T00:00:00Z", JANUARY_RUN, List.of(), List.of()));
        send(run(
                "COMPLETE",
                "2025-01-01T00:10:00Z",
                JANUARY_RUN,
                List.of(TestEvents.dataset(NS, "A", Map.of("schema", schema("id", "int")))),
                List.of(TestEvents.dataset(
                        NS,
                        "X",
                        Map.of(
                                "schema",
                                schema("id", "int"),
                                "columnLineage",
                                columnLineage(Map.of("id", List.of(input(NS, "A", "id", "DIRECT", "IDENTITY")))))))));
        send(run("START", "2025-02-01T00:00:00Z", FEBRUARY_RUN, List.of(), List.of()));
        send(run(
                "COMPLETE",
                "2025-02-01T00:10:00Z",
                FEBRUARY_RUN,
                List.of(TestEvents.dataset(NS, "B", Map.of("schema", schema("id", "bigint", "name", "string")))),
                List.of(TestEvents.dataset(
                        NS,
                        "X",
                        Map.of(
                                "schema",
                                schema("id", "bigint", "name", "string"),
                                "columnLineage",
                                columnLineage(Map.of(
                                        "id", List.of(input(NS, "B", "id", "DIRECT", "IDENTITY")),
                                        "name", List.of(input(NS, "B", "name", "DIRECT", "IDENTITY")))))))));
    }

    @Test
    void showsTheInputTheJobReadAtThatTime() {
        assertUpstreamOfX("2025-01-15T00:00:00Z", dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "A", 2));
        assertUpstreamOfX("2025-02-15T00:00:00Z", dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "B", 2));
    }

    @Test
    void showsOnlyTheLatestVersionsInputWithoutAsOf() {
        assertUpstreamOfX(null, dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "B", 2));
    }

    @Test
    void showsARunThatHadNotEndedYetAsRunning() {
        var answer =
                graphQl.document("""
                        query($asOf: DateTime) {
                          lineage(node: {kind: JOB, namespace: "warehouse", name: "etl"}, depth: 0, asOf: $asOf) {
                            nodes { latestRunId latestRunState }
                          }
                        }""").variable("asOf", "2025-02-01T00:05:00Z").execute();

        answer.path("lineage.nodes[0].latestRunId").entity(String.class).isEqualTo(FEBRUARY_RUN);
        answer.path("lineage.nodes[0].latestRunState").entity(String.class).isEqualTo("RUNNING");
    }

    @Test
    void refusesATimeBeforeTheNodeExisted() {
        expectError(
                LINEAGE,
                Map.of("node", ref("DATASET", NS, "X"), "asOf", "2024-12-31T00:00:00Z"),
                ErrorType.NOT_FOUND,
                "existed");
    }

    @Test
    void takesColumnsAndTheirTypesFromTheSchemaOfThatTime() {
        var january = graphQl.document(COLUMN_LINEAGE)
                .variable("node", ref("DATASET", NS, "X"))
                .variable("asOf", "2025-01-15T00:00:00Z")
                .execute();
        january.path("columnLineage.nodes")
                .entityList(Column.class)
                .containsExactly(column("X", "id", "int", 0), column("A", "id", "int", 1));
        january.path("columnLineage.edges")
                .entityList(ColumnEdge.class)
                .containsExactly(identity(column("A", "id", "int", 1), column("X", "id", "int", 0)));

        var february = graphQl.document(COLUMN_LINEAGE)
                .variable("node", ref("DATASET", NS, "X"))
                .variable("asOf", "2025-02-15T00:00:00Z")
                .execute();
        february.path("columnLineage.nodes")
                .entityList(Column.class)
                .containsExactly(
                        column("X", "id", "bigint", 0),
                        column("X", "name", "string", 0),
                        column("B", "id", "bigint", 1),
                        column("B", "name", "string", 1));
    }

    @Test
    void refusesAFieldBeforeItWasInTheSchema() {
        expectError(
                COLUMN_LINEAGE,
                Map.of("node", field(NS, "X", "name"), "asOf", "2025-01-15T00:00:00Z"),
                ErrorType.NOT_FOUND,
                "existed");
    }

    private void assertUpstreamOfX(String asOf, Node... expected) {
        var request = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, "X"))
                .variable("direction", "UPSTREAM");
        if (asOf != null) {
            request = request.variable("asOf", asOf);
        }
        request.execute().path("lineage.nodes").entityList(Node.class).containsExactly(expected);
    }

    private static Column column(String dataset, String field, String type, int distance) {
        return new Column(NodeId.field(NS, dataset, field), dataset, field, type, distance);
    }

    private static ColumnEdge identity(Column from, Column to) {
        return new ColumnEdge(from.id(), to.id(), new Transformation("DIRECT", "IDENTITY", null, false));
    }

    private void send(String event) {
        post(event).expectStatus().isCreated();
    }

    private static String run(
            String type,
            String time,
            String runId,
            List<Map<String, Object>> inputs,
            List<Map<String, Object>> outputs) {
        return TestEvents.run(type, time, runId, NS, "etl", Map.of(), inputs, outputs);
    }
}
