package io.tributary.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Soft delete of datasets and jobs on the Spark CTAS set (compatibility-tests CLL, events 1..9): create jobs write
 * cll_source1 and cll_source2, the CTAS job reads both and writes tbl1.
 */
class SoftDeleteTest extends EndToEndTest {

    private static final String NS = "file";
    private static final String JOBS = "testColumnLevelLineage";
    private static final String PREFIX = "open_lineage_integration_create_table.";
    private static final String CTAS = PREFIX + "execute_create_hive_table_as_select_command.default_tbl1";
    private static final String CREATE1 = PREFIX + "execute_create_table_command.cll_test_cll_source1";
    private static final String CREATE2 = PREFIX + "execute_create_table_command.cll_test_cll_source2";
    private static final String SOURCE1 = "/tmp/cll_test/cll_source1";
    private static final String SOURCE2 = "/tmp/cll_test/cll_source2";
    private static final String TBL1 = "/tmp/cll_test/tbl1";

    private static final String LINEAGE = """
            query($node: NodeRef!, $direction: Direction) {
              lineage(node: $node, direction: $direction) { nodes { kind name } edges { from to } }
            }""";
    private static final String DELETE_DATASET = """
            mutation($ns: String!, $name: String!) {
              deleteDataset(namespace: $ns, name: $name) { kind namespace name deletedAt }
            }""";
    private static final String DELETE_JOB = """
            mutation($ns: String!, $name: String!) {
              deleteJob(namespace: $ns, name: $name) { kind namespace name deletedAt }
            }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void ingestSparkCtas() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void aDeletedSourceDatasetLeavesLineageWithItsEdgesWhileTheJobBetweenLiveDatasetsStays() {
        assertThat(upstreamNames(TBL1)).containsExactlyInAnyOrder(TBL1, CTAS, SOURCE1, SOURCE2, CREATE1, CREATE2);
        long nodesBefore = countNodes();

        deleteOverRest("datasets", NS, SOURCE1)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("DATASET")
                .jsonPath("$.deletedAt")
                .isNotEmpty();

        // cll_source1 and the job that only created it are gone; the CTAS job still joins two live datasets.
        assertThat(upstreamNames(TBL1)).containsExactlyInAnyOrder(TBL1, CTAS, SOURCE2, CREATE2);
        assertThat(downstreamNames(SOURCE2)).containsExactlyInAnyOrder(SOURCE2, CTAS, TBL1);
        graphQl.document(LINEAGE)
                .variable("node", Map.of("kind", "DATASET", "namespace", NS, "name", SOURCE1))
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
                .verify();
        assertThat(countNodes()).as("a soft delete removes nothing").isEqualTo(nodesBefore);
    }

    @Test
    void aDeletedDatasetLeavesSearchListingsNeighboursAndColumnLineageButAnswersByName() {
        assertThat(search("cll_source1")).as("the dataset and its columns").contains(SOURCE1);
        deleteDataset(SOURCE1);

        assertThat(datasetNames()).contains(SOURCE2, TBL1).doesNotContain(SOURCE1);
        // The catalog name default.cll_source1 is another dataset (a symlink), still live.
        assertThat(search("cll_source1")).doesNotContain(SOURCE1).contains("default.cll_source1");
        assertThat(search("cll_source2")).contains(SOURCE2);
        assertThat(strings(graphQl.document("""
                        { job(namespace: "%s", name: "%s") { inputs { name } } }""".formatted(JOBS, CTAS))
                        .execute()
                        .path("job.inputs[*].name")
                        .entityList(String.class)
                        .get()))
                .containsExactly(SOURCE2);
        // tbl1.agg derives from columns of both sources; only cll_source2's remain.
        List<String> columnDatasets = graphQl.document("""
                        query($node: NodeRef!) {
                          columnLineage(node: $node, direction: UPSTREAM) { nodes { dataset } }
                        }""")
                .variable("node", Map.of("kind", "FIELD", "namespace", NS, "name", TBL1, "field", "agg"))
                .execute()
                .path("columnLineage.nodes[*].dataset")
                .entityList(String.class)
                .get();
        assertThat(columnDatasets).contains(TBL1, SOURCE2).doesNotContain(SOURCE1);
        graphQl.document("""
                        { dataset(namespace: "file", name: "%s") { name deletedAt } }""".formatted(SOURCE1))
                .execute()
                .path("dataset.deletedAt")
                .hasValue();
    }

    @Test
    void aDeletedJobLeavesLineageListsAndItsDatasetsProducers() {
        withKey(API_KEY)
                .document(DELETE_JOB)
                .variable("ns", JOBS)
                .variable("name", CTAS)
                .execute()
                .path("deleteJob.kind")
                .entity(String.class)
                .isEqualTo("JOB");

        assertThat(downstreamNames(SOURCE1)).containsExactly(SOURCE1);
        assertThat(upstreamNames(TBL1)).containsExactly(TBL1);
        assertThat(jobNames()).contains(CREATE1, CREATE2).doesNotContain(CTAS);
        graphQl.document("""
                        { dataset(namespace: "file", name: "%s") { producers { name } } }""".formatted(TBL1))
                .execute()
                .path("dataset.producers")
                .entityList(Object.class)
                .hasSize(0);
        List<String> columns = graphQl.document("""
                        query($node: NodeRef!) {
                          columnLineage(node: $node, direction: UPSTREAM) { nodes { dataset } }
                        }""")
                .variable("node", Map.of("kind", "FIELD", "namespace", NS, "name", TBL1, "field", "agg"))
                .execute()
                .path("columnLineage.nodes[*].dataset")
                .entityList(String.class)
                .get();
        assertThat(columns).as("derivations reported by the deleted job").containsExactly(TBL1);
    }

    @Test
    void aNewEventThatMentionsADeletedDatasetOrJobBringsItBack() {
        List<String> before = upstreamNames(TBL1);
        deleteDataset(SOURCE1);
        withKey(API_KEY)
                .document(DELETE_JOB)
                .variable("ns", JOBS)
                .variable("name", CTAS)
                .executeAndVerify();
        assertThat(upstreamNames(TBL1)).containsExactly(TBL1);

        // The CTAS job runs again a day later, reading both sources: a new run, new events.
        String rerunId = UUID.randomUUID().toString();
        post(rerun("spark/compat-tests-cll/5.json", rerunId, "2024-08-07T13:26:53.776Z"))
                .expectStatus()
                .isCreated();

        assertThat(upstreamNames(TBL1)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(search("cll_source1")).contains(SOURCE1);
        assertThat(single("MATCH (n) WHERE n.deleted IS NOT NULL RETURN count(n) AS c"))
                .isEqualTo(0L);
    }

    @Test
    void mutationsAndRestDeletesNeedAWriteKey() {
        graphQl.document(DELETE_DATASET)
                .variable("ns", NS)
                .variable("name", SOURCE1)
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.UNAUTHORIZED)
                .verify();
        problem(
                web.delete()
                        .uri("/api/v1/namespaces/file/datasets/{name}", SOURCE1)
                        .exchange(),
                401);
        problem(
                web.delete()
                        .uri("/api/v1/namespaces/file/datasets/{name}", SOURCE1)
                        .header("Authorization", "Bearer wrong")
                        .exchange(),
                401);
        assertThat(single("MATCH (n) WHERE n.deleted IS NOT NULL RETURN count(n) AS c"))
                .isEqualTo(0L);

        // The rotation key is a write key too; an unknown dataset is a 404 / NOT_FOUND.
        withKey(OLD_KEY)
                .document(DELETE_DATASET)
                .variable("ns", NS)
                .variable("name", SOURCE1)
                .execute()
                .path("deleteDataset.name")
                .entity(String.class)
                .isEqualTo(SOURCE1);
        problem(deleteOverRest("datasets", NS, "/nowhere"), 404);
        withKey(API_KEY)
                .document(DELETE_JOB)
                .variable("ns", NS)
                .variable("name", "nowhere")
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.NOT_FOUND)
                .verify();
    }

    private org.springframework.graphql.test.tester.HttpGraphQlTester withKey(String key) {
        return graphQl.mutate().header("Authorization", "Bearer " + key).build();
    }

    private void deleteDataset(String name) {
        withKey(API_KEY)
                .document(DELETE_DATASET)
                .variable("ns", NS)
                .variable("name", name)
                .execute()
                .path("deleteDataset.deletedAt")
                .hasValue();
    }

    private List<String> upstreamNames(String dataset) {
        return lineageNames(dataset, "UPSTREAM");
    }

    private List<String> downstreamNames(String dataset) {
        return lineageNames(dataset, "DOWNSTREAM");
    }

    private List<String> lineageNames(String dataset, String direction) {
        return graphQl.document(LINEAGE)
                .variable("node", Map.of("kind", "DATASET", "namespace", NS, "name", dataset))
                .variable("direction", direction)
                .execute()
                .path("lineage.nodes[*].name")
                .entityList(String.class)
                .get();
    }

    private List<String> datasetNames() {
        return graphQl.document("{ datasets(first: 500) { edges { node { name } } } }")
                .execute()
                .path("datasets.edges[*].node.name")
                .entityList(String.class)
                .get();
    }

    private List<String> jobNames() {
        return graphQl.document("{ jobs(first: 500) { edges { node { name } } } }")
                .execute()
                .path("jobs.edges[*].node.name")
                .entityList(String.class)
                .get();
    }

    private List<String> search(String words) {
        return graphQl.document("query($q: String!) { search(query: $q) { name field } }")
                .variable("q", words)
                .execute()
                .path("search[*].name")
                .entityList(String.class)
                .get();
    }

    private static List<String> strings(List<String> values) {
        return values;
    }

    /** A fixture event as a new run at another time: another event for the same job and datasets. */
    private static String rerun(String fixture, String runId, String eventTime) {
        var event = (ObjectNode) JSON.readTree(Fixtures.text(fixture));
        ((ObjectNode) event.get("run")).put("runId", runId);
        event.put("eventTime", eventTime);
        return event.toString();
    }
}
