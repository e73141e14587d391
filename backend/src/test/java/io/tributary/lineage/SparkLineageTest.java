package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lineage of the Spark CTAS with JOIN, GROUP BY and FILTER (compatibility-tests CLL scenario, events 1..9). */
class SparkLineageTest extends LineageTestSupport {

    private static final String NS = "file";
    private static final String JOBS = "testColumnLevelLineage";
    private static final String PREFIX = "open_lineage_integration_create_table.";

    private static final Node TBL1 = dataset(NS, "/tmp/cll_test/tbl1", 0);
    private static final Node CTAS = job(JOBS, PREFIX + "execute_create_hive_table_as_select_command.default_tbl1", 1);
    private static final Node SOURCE1 = dataset(NS, "/tmp/cll_test/cll_source1", 2);
    private static final Node SOURCE2 = dataset(NS, "/tmp/cll_test/cll_source2", 2);
    private static final Node CREATE1 = job(JOBS, PREFIX + "execute_create_table_command.cll_test_cll_source1", 3);
    private static final Node CREATE2 = job(JOBS, PREFIX + "execute_create_table_command.cll_test_cll_source2", 3);

    @BeforeEach
    void ingest() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void walksUpstreamFromTheCtasOutputToTheJobsThatCreatedItsSources() {
        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, "/tmp/cll_test/tbl1"))
                .variable("direction", "UPSTREAM")
                .execute();

        answer.path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(TBL1, CTAS, SOURCE1, SOURCE2, CREATE1, CREATE2);
        answer.path("lineage.edges")
                .entityList(Edge.class)
                .containsExactly(
                        edge(SOURCE1, CTAS),
                        edge(SOURCE2, CTAS),
                        edge(CTAS, TBL1),
                        edge(CREATE1, SOURCE1),
                        edge(CREATE2, SOURCE2));
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void reportsADepthCapThatCutOffTheSourcesProducers() {
        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, "/tmp/cll_test/tbl1"))
                .variable("direction", "UPSTREAM")
                .variable("depth", 2)
                .execute();

        answer.path("lineage.nodes").entityList(Node.class).containsExactly(TBL1, CTAS, SOURCE1, SOURCE2);
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void showsJobTypeAndLatestRunStateForColouring() {
        var answer = graphQl.document("""
                        query($node: NodeRef!) {
                          lineage(node: $node, direction: DOWNSTREAM, depth: 1) {
                            nodes { kind jobType integration latestRunId latestRunState }
                          }
                        }""")
                .variable("node", ref("DATASET", NS, "/tmp/cll_test/cll_source1"))
                .execute();

        answer.path("lineage.nodes[1].jobType").entity(String.class).isEqualTo("SQL_JOB");
        answer.path("lineage.nodes[1].integration").entity(String.class).isEqualTo("SPARK");
        answer.path("lineage.nodes[1].latestRunId")
                .entity(String.class)
                .isEqualTo("019127df-0850-72bc-b214-b255290588a6");
        answer.path("lineage.nodes[1].latestRunState").entity(String.class).isEqualTo("COMPLETED");
    }

    @Test
    void tracesTheAggregateColumnToItsInputsWithEachTransformation() {
        String agg = NodeId.field(NS, "/tmp/cll_test/tbl1", "agg");
        String s1a = NodeId.field(NS, "/tmp/cll_test/cll_source1", "a");
        String s1b = NodeId.field(NS, "/tmp/cll_test/cll_source1", "b");
        String s2a = NodeId.field(NS, "/tmp/cll_test/cll_source2", "a");
        String s2c = NodeId.field(NS, "/tmp/cll_test/cll_source2", "c");

        var answer = graphQl.document(COLUMN_LINEAGE)
                .variable("node", field(NS, "/tmp/cll_test/tbl1", "agg"))
                .execute();

        answer.path("columnLineage.nodes")
                .entityList(Column.class)
                .containsExactly(
                        new Column(agg, "/tmp/cll_test/tbl1", "agg", "long", 0),
                        new Column(s1a, "/tmp/cll_test/cll_source1", "a", "integer", 1),
                        new Column(s1b, "/tmp/cll_test/cll_source1", "b", "string", 1),
                        new Column(s2a, "/tmp/cll_test/cll_source2", "a", "integer", 1),
                        new Column(s2c, "/tmp/cll_test/cll_source2", "c", "integer", 1));
        answer.path("columnLineage.edges")
                .entityList(ColumnEdge.class)
                .containsExactly(
                        indirect(s1a, agg, "FILTER"),
                        indirect(s1a, agg, "GROUP_BY"),
                        indirect(s1a, agg, "JOIN"),
                        indirect(s1b, agg, "GROUP_BY"),
                        indirect(s2a, agg, "FILTER"),
                        indirect(s2a, agg, "JOIN"),
                        new ColumnEdge(s2c, agg, new Transformation("DIRECT", "AGGREGATION", "", false)));
        answer.path("columnLineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void startsColumnLineageOfADatasetFromAllItsCurrentFields() {
        var answer = graphQl.document(COLUMN_LINEAGE)
                .variable("node", ref("DATASET", NS, "/tmp/cll_test/tbl1"))
                .execute();

        List<Column> nodes =
                answer.path("columnLineage.nodes").entityList(Column.class).get();
        assertThat(nodes)
                .extracting(
                        c -> c.dataset().substring("/tmp/cll_test/".length()) + "." + c.field() + "@" + c.distance())
                .containsExactly(
                        "tbl1.agg@0",
                        "tbl1.ident@0",
                        "tbl1.trans@0",
                        "cll_source1.a@1",
                        "cll_source1.b@1",
                        "cll_source2.a@1",
                        "cll_source2.c@1");
        answer.path("columnLineage.edges").entityList(ColumnEdge.class).hasSize(21);
    }

    private static ColumnEdge indirect(String from, String to, String subtype) {
        return new ColumnEdge(from, to, new Transformation("INDIRECT", subtype, "", false));
    }
}
