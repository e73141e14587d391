package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Redelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.execution.ErrorType;

/**
 * Run-level lineage over a three-job chain with reruns: extract writes raw, transform reads raw and writes clean,
 * report reads clean and writes summary. Extract and transform rerun; a report run that started between the rerun of
 * extract and the rerun of transform read the clean written by the first transform run, so its upstream is that run,
 * not the latest. A transform run whose input facet names the first raw version reads that one although a newer
 * one exists.
 */
class RunLineageTest extends LineageTestSupport {

    private static final String NS = "chain";
    private static final String E1 = TestEvents.runId("extract-1");
    private static final String E2 = TestEvents.runId("extract-2");
    private static final String T1 = TestEvents.runId("transform-1");
    private static final String T2 = TestEvents.runId("transform-2");
    private static final String T3 = TestEvents.runId("transform-3-replays-raw-1");
    private static final String R1 = TestEvents.runId("report-1");
    private static final String R2 = TestEvents.runId("report-2");

    private static final String RUN_LINEAGE = """
            query($runId: ID!, $direction: Direction, $depth: Int, $maxNodes: Int) {
              runLineage(runId: $runId, direction: $direction, depth: $depth, maxNodes: $maxNodes) {
                nodes { runId distance run { id state job { name } } }
                edges { from to version { id namespace name datasetVersion rowCount run { id } } }
                truncated
              }
            }""";

    private static final String VERSIONS = """
            query($name: String!, $first: Int, $after: String) {
              dataset(namespace: "chain", name: $name) {
                versions(first: $first, after: $after) {
                  edges { cursor node { id createdAt datasetVersion schemaHash fields { path type } rowCount bytes
                                        run { id job { name } } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    record RunRef(String id, String state, JobName job) {}

    record JobName(String name) {}

    record RunNode(String runId, int distance, RunRef run) {}

    record Writer(String id) {}

    record Version(String id, String namespace, String name, String datasetVersion, Long rowCount, Writer run) {}

    record RunEdge(String from, String to, Version version) {}

    private static Map<String, Object> written(String name, long rows, String version) {
        return Map.of(
                "namespace",
                NS,
                "name",
                name,
                "facets",
                Map.of(
                        "schema", TestEvents.schema("id", "bigint", "amount", "double"),
                        "version", Map.of("datasetVersion", version)),
                "outputFacets",
                Map.of("outputStatistics", Map.of("rowCount", rows, "size", rows * 10)));
    }

    private static Map<String, Object> read(String name) {
        return TestEvents.dataset(NS, name);
    }

    private static Map<String, Object> readVersion(String name, String version) {
        return TestEvents.dataset(NS, name, Map.of("version", Map.of("datasetVersion", version)));
    }

    /** START with the inputs, COMPLETE with inputs and outputs, as most integrations report. */
    private static List<String> run(
            String runId, String job, String start, String end, Map<String, Object> input, Map<String, Object> output) {
        List<Map<String, Object>> inputs = input == null ? List.of() : List.of(input);
        return List.of(
                TestEvents.run("START", start, runId, NS, job, Map.of(), inputs, List.of()),
                TestEvents.run("COMPLETE", end, runId, NS, job, Map.of(), inputs, List.of(output)));
    }

    private static List<String> events() {
        var events = new ArrayList<String>();
        events.addAll(
                run(E1, "extract", "2025-03-01T00:00:00Z", "2025-03-01T00:10:00Z", null, written("raw", 100, "raw-1")));
        events.addAll(run(
                T1,
                "transform",
                "2025-03-01T00:20:00Z",
                "2025-03-01T00:30:00Z",
                read("raw"),
                written("clean", 90, "clean-1")));
        events.addAll(run(
                R1,
                "report",
                "2025-03-01T00:40:00Z",
                "2025-03-01T00:50:00Z",
                read("clean"),
                written("summary", 1, "summary-1")));
        events.addAll(
                run(E2, "extract", "2025-03-01T01:00:00Z", "2025-03-01T01:10:00Z", null, written("raw", 120, "raw-2")));
        // Started after extract's rerun, before transform's rerun ended: it read the first clean.
        events.addAll(run(
                R2,
                "report",
                "2025-03-01T01:15:00Z",
                "2025-03-01T01:50:00Z",
                read("clean"),
                written("summary", 1, "summary-2")));
        events.addAll(run(
                T2,
                "transform",
                "2025-03-01T01:20:00Z",
                "2025-03-01T01:30:00Z",
                read("raw"),
                written("clean", 110, "clean-2")));
        // A replay of the first raw snapshot, named by the input's version facet.
        events.addAll(run(
                T3,
                "transform",
                "2025-03-01T02:00:00Z",
                "2025-03-01T02:10:00Z",
                readVersion("raw", "raw-1"),
                written("clean", 90, "clean-3")));
        return events;
    }

    @Test
    void eachRunsUpstreamIsTheRunThatWroteTheVersionItReadNotTheLatestRun() {
        postAll(events());

        var graph = lineage(R2, "UPSTREAM", 5);
        assertThat(graph.path("runLineage.nodes").entityList(RunNode.class).get())
                .containsExactly(
                        new RunNode(R2, 0, new RunRef(R2, "COMPLETED", new JobName("report"))),
                        new RunNode(T1, 1, new RunRef(T1, "COMPLETED", new JobName("transform"))),
                        new RunNode(E1, 2, new RunRef(E1, "COMPLETED", new JobName("extract"))));
        assertThat(graph.path("runLineage.edges").entityList(RunEdge.class).get())
                .containsExactlyInAnyOrder(
                        new RunEdge(T1, R2, new Version(T1, NS, "clean", "clean-1", 90L, new Writer(T1))),
                        new RunEdge(E1, T1, new Version(E1, NS, "raw", "raw-1", 100L, new Writer(E1))));
        graph.path("runLineage.truncated").entity(Boolean.class).isEqualTo(false);

        assertThat(upstreamRuns(T2)).containsExactly(T2, E2);
        assertThat(upstreamRuns(R1)).containsExactly(R1, T1, E1);
    }

    @Test
    void theVersionAnInputFacetNamesWinsOverTheNewerOne() {
        postAll(events());

        assertThat(upstreamRuns(T3)).containsExactly(T3, E1);
        graphQl.document("""
                        query($id: ID!) { run(id: $id) { inputs { dataset { name } version { id datasetVersion } } } }""")
                .variable("id", T3)
                .execute()
                .path("run.inputs[0].version")
                .matchesJsonStrictly("""
                        { "id": "%s", "datasetVersion": "raw-1" }""".formatted(E1));
    }

    @Test
    void downstreamFollowsTheRunsThatReadWhatARunWrote() {
        postAll(events());

        var graph = lineage(E1, "DOWNSTREAM", 5);
        assertThat(graph.path("runLineage.nodes").entityList(RunNode.class).get())
                .extracting(n -> n.runId() + "@" + n.distance())
                .containsExactlyInAnyOrder(E1 + "@0", T1 + "@1", T3 + "@1", R1 + "@2", R2 + "@2");
        assertThat(lineage(E2, "DOWNSTREAM", 5)
                        .path("runLineage.nodes")
                        .entityList(RunNode.class)
                        .get())
                .extracting(RunNode::runId)
                .as("the second raw was read only by the second transform, whose clean nobody read")
                .containsExactly(E2, T2);
        assertThat(lineage(T1, "BOTH", 5)
                        .path("runLineage.nodes")
                        .entityList(RunNode.class)
                        .get())
                .extracting(n -> n.runId() + "@" + n.distance())
                .containsExactlyInAnyOrder(T1 + "@0", E1 + "@1", R1 + "@1", R2 + "@1");
    }

    @Test
    void theDepthCapTruncatesAndAnUnknownRunIsNotFound() {
        postAll(events());

        var graph = lineage(R2, "UPSTREAM", 1);
        assertThat(graph.path("runLineage.nodes").entityList(RunNode.class).get())
                .extracting(RunNode::runId)
                .containsExactly(R2, T1);
        graph.path("runLineage.truncated").entity(Boolean.class).isEqualTo(true);
        expectError(RUN_LINEAGE, Map.of("runId", TestEvents.runId("never-ran")), ErrorType.NOT_FOUND, "is known");
        expectError(RUN_LINEAGE, Map.of("runId", R2, "depth", 51), ErrorType.BAD_REQUEST, "depth");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void anyOrderAndRedeliveryGiveTheSameRunLineage(long seed) {
        postAll(events());
        List<Object> inOrder = answers();
        emptyGraph();

        postAll(Redelivery.shuffledWithCopies(events(), seed));

        assertThat(answers()).isEqualTo(inOrder);
    }

    @Test
    void datasetVersionsPageNewestFirstWithSchemaAndStatistics() {
        postAll(events());

        var first = graphQl.document(VERSIONS)
                .variable("name", "raw")
                .variable("first", 1)
                .execute();
        first.path("dataset.versions.edges[0].node.id").entity(String.class).isEqualTo(E2);
        first.path("dataset.versions.edges[0].node.rowCount").entity(Long.class).isEqualTo(120L);
        first.path("dataset.versions.edges[0].node.bytes").entity(Long.class).isEqualTo(1200L);
        first.path("dataset.versions.edges[0].node.datasetVersion")
                .entity(String.class)
                .isEqualTo("raw-2");
        first.path("dataset.versions.edges[0].node.createdAt")
                .entity(String.class)
                .satisfies(t -> assertThat(java.time.Instant.parse(t))
                        .isEqualTo(java.time.Instant.parse("2025-03-01T01:10:00Z")));
        first.path("dataset.versions.edges[0].node.fields[*].path")
                .entityList(String.class)
                .containsExactly("id", "amount");
        first.path("dataset.versions.edges[0].node.run.job.name")
                .entity(String.class)
                .isEqualTo("extract");
        first.path("dataset.versions.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        String cursor = first.path("dataset.versions.pageInfo.endCursor")
                .entity(String.class)
                .get();

        var second = graphQl.document(VERSIONS)
                .variable("name", "raw")
                .variable("first", 1)
                .variable("after", cursor)
                .execute();
        second.path("dataset.versions.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(E1);
        second.path("dataset.versions.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);

        graphQl.document(VERSIONS)
                .variable("name", "clean")
                .execute()
                .path("dataset.versions.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(T3, T2, T1);
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response lineage(
            String runId, String direction, int depth) {
        return graphQl.document(RUN_LINEAGE)
                .variable("runId", runId)
                .variable("direction", direction)
                .variable("depth", depth)
                .execute();
    }

    private List<String> upstreamRuns(String runId) {
        return lineage(runId, "UPSTREAM", 5)
                .path("runLineage.nodes[*].runId")
                .entityList(String.class)
                .get();
    }

    private List<Object> answers() {
        var answers = new ArrayList<Object>();
        for (String run : List.of(E1, E2, T1, T2, T3, R1, R2)) {
            for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
                answers.add(lineage(run, direction, 5)
                        .path("runLineage")
                        .entity(Map.class)
                        .get());
            }
        }
        answers.add(graphQl.document(VERSIONS)
                .variable("name", "clean")
                .execute()
                .path("dataset")
                .entity(Map.class)
                .get());
        return answers;
    }
}
