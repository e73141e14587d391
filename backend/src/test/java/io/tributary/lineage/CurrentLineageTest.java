package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Redelivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Current lineage is each job's latest version's edges. Job etl writes X; its January run reads A and B with one SQL,
 * its February run reads only A with a new SQL. B stays in the graph as history: asOf January and since January show
 * it, the current graph and impact do not.
 */
class CurrentLineageTest extends LineageTestSupport {

    private static final String NS = "warehouse";
    private static final String JANUARY_RUN = TestEvents.runId("current-january");
    private static final String FEBRUARY_RUN = TestEvents.runId("current-february");

    private static final String WINDOW = """
            query($node: NodeRef!, $direction: Direction, $since: DateTime) {
              lineage(node: $node, direction: $direction, since: $since) { nodes { id kind namespace name distance } }
            }""";

    private static List<String> events() {
        var january = Map.<String, Object>of("sql", Map.of("query", "SELECT a.id, b.name FROM a JOIN b"));
        var february = Map.<String, Object>of("sql", Map.of("query", "SELECT a.id FROM a"));
        var ab = List.of(TestEvents.dataset(NS, "A"), TestEvents.dataset(NS, "B"));
        var a = List.of(TestEvents.dataset(NS, "A"));
        var x = List.of(TestEvents.dataset(NS, "X"));
        return List.of(
                TestEvents.run("START", "2025-01-01T00:00:00Z", JANUARY_RUN, NS, "etl", january, ab, List.of()),
                TestEvents.run("COMPLETE", "2025-01-01T00:10:00Z", JANUARY_RUN, NS, "etl", january, List.of(), x),
                TestEvents.run("START", "2025-02-01T00:00:00Z", FEBRUARY_RUN, NS, "etl", february, a, List.of()),
                TestEvents.run("COMPLETE", "2025-02-01T00:10:00Z", FEBRUARY_RUN, NS, "etl", february, a, x));
    }

    @Test
    void aDroppedInputLeavesCurrentLineageAndImpact() {
        postAll(events());

        assertUpstreamOfX(dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "A", 2));
        graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, "B"))
                .variable("direction", "DOWNSTREAM")
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(dataset(NS, "B", 0));
        graphQl.document("""
                        { impact(node: {kind: DATASET, namespace: "warehouse", name: "B"}) { jobs { name } datasets { name } } }""")
                .execute()
                .path("impact.jobs")
                .entityList(Object.class)
                .hasSize(0)
                .path("impact.datasets")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void theDroppedInputIsHistoryAsOfAndSinceBeforeTheChange() {
        postAll(events());

        graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, "X"))
                .variable("direction", "UPSTREAM")
                .variable("asOf", "2025-01-15T00:00:00Z")
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "A", 2), dataset(NS, "B", 2));
        assertUpstreamOfXSince(
                "2024-12-31T00:00:00Z",
                dataset(NS, "X", 0),
                job(NS, "etl", 1),
                dataset(NS, "A", 2),
                dataset(NS, "B", 2));
        assertUpstreamOfXSince("2025-01-20T00:00:00Z", dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "A", 2));
    }

    @Test
    void eachDefinitionIsAVersionAndEachRunBelongsToItsOwn() {
        postAll(events());

        assertThat(runVersions()).containsOnlyKeys(JANUARY_RUN, FEBRUARY_RUN);
        assertThat(runVersions().get(JANUARY_RUN)).isNotEqualTo(runVersions().get(FEBRUARY_RUN));
        assertThat(versionCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13})
    void anyOrderAndRedeliveryBuildTheSameVersionsAndCurrentLineage(long seed) {
        postAll(events());
        List<String> inOrder = canonicalGraph();
        var versions = runVersions();
        emptyGraph();

        postAll(Redelivery.shuffledWithCopies(events(), seed));

        assertThat(canonicalGraph()).containsExactlyElementsOf(inOrder);
        assertThat(runVersions()).isEqualTo(versions);
        assertUpstreamOfX(dataset(NS, "X", 0), job(NS, "etl", 1), dataset(NS, "A", 2));
    }

    private Map<String, String> runVersions() {
        awaitProjection();
        try (var session = driver.session()) {
            var versions = new java.util.HashMap<String, String>();
            session.run("MATCH (r:Run)-[:OF_VERSION]->(v:JobVersion) RETURN r.runId AS run, v.hash AS hash")
                    .forEachRemaining(r ->
                            versions.put(r.get("run").asString(), r.get("hash").asString()));
            return versions;
        }
    }

    private long versionCount() {
        awaitProjection();
        try (var session = driver.session()) {
            return session.run("MATCH (v:JobVersion {namespace: 'warehouse', job: 'etl'}) RETURN count(v) AS n")
                    .single()
                    .get("n")
                    .asLong();
        }
    }

    private void assertUpstreamOfX(Node... expected) {
        graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, "X"))
                .variable("direction", "UPSTREAM")
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(expected);
    }

    private void assertUpstreamOfXSince(String since, Node... expected) {
        graphQl.document(WINDOW)
                .variable("node", ref("DATASET", NS, "X"))
                .variable("direction", "UPSTREAM")
                .variable("since", since)
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(expected);
    }
}
