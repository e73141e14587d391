package io.tributary.lineage;

import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lineage of the Airflow DAG BQ: GCS → upload → BigQuery → copy → BigQuery → download → GCS (line_01..08). */
class AirflowLineageTest extends LineageTestSupport {

    private static final String GCS = "gs://mock-bucket";
    private static final String BQ = "bigquery";

    @BeforeEach
    void ingest() {
        for (int i = 1; i <= 8; i++) {
            post(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void walksDownstreamFromTheFirstFileThroughEveryTaskToTheExport() {
        Node test = dataset(GCS, "test.csv", 0);
        Node upload = job("airflow", "BQ.upload", 1);
        Node uploaded = dataset(BQ, "mock-project.test.upload", 2);
        Node copy = job("airflow", "BQ.copy", 3);
        Node copied = dataset(BQ, "mock-project.test.upload_cp", 4);
        Node download = job("airflow", "BQ.download", 5);
        Node result = dataset(GCS, "result.csv", 6);

        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", GCS, "test.csv"))
                .variable("direction", "DOWNSTREAM")
                .variable("depth", 10)
                .execute();

        answer.path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(test, upload, uploaded, copy, copied, download, result);
        answer.path("lineage.edges")
                .entityList(Edge.class)
                .containsExactly(
                        edge(uploaded, copy),
                        edge(copied, download),
                        edge(test, upload),
                        edge(copy, copied),
                        edge(download, result),
                        edge(upload, uploaded));
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void mergesBothDirectionsFromTheMiddleTableEachNodeAtItsShorterDistance() {
        Node uploaded = dataset(BQ, "mock-project.test.upload", 0);
        Node copy = job("airflow", "BQ.copy", 1);
        Node upload = job("airflow", "BQ.upload", 1);
        Node copied = dataset(BQ, "mock-project.test.upload_cp", 2);
        Node copiedCsv = dataset(GCS, "copied.csv", 2);
        Node test = dataset(GCS, "test.csv", 2);
        Node download = job("airflow", "BQ.download", 3);
        Node result = dataset(GCS, "result.csv", 4);

        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", BQ, "mock-project.test.upload"))
                .execute();

        answer.path("lineage.nodes")
                .entityList(Node.class)
                .containsExactly(uploaded, copy, upload, copied, copiedCsv, test, download, result);
        answer.path("lineage.edges")
                .entityList(Edge.class)
                .containsExactly(
                        edge(uploaded, copy),
                        edge(copied, download),
                        edge(copiedCsv, upload),
                        edge(test, upload),
                        edge(copy, copied),
                        edge(download, result),
                        edge(upload, uploaded));
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void describesTasksWithTheirOwnersTypeAndLatestRun() {
        var answer = graphQl.document("""
                        query($node: NodeRef!) {
                          lineage(node: $node, direction: UPSTREAM, depth: 1) {
                            nodes { name owners jobType integration latestRunId latestRunState }
                          }
                        }""")
                .variable("node", ref("DATASET", BQ, "mock-project.test.upload"))
                .execute();

        answer.path("lineage.nodes[1].name").entity(String.class).isEqualTo("BQ.upload");
        answer.path("lineage.nodes[1].owners").entityList(String.class).containsExactly("***");
        answer.path("lineage.nodes[1].jobType").entity(String.class).isEqualTo("TASK");
        answer.path("lineage.nodes[1].integration").entity(String.class).isEqualTo("AIRFLOW");
        answer.path("lineage.nodes[1].latestRunId")
                .entity(String.class)
                .isEqualTo("01936893-9751-7b3c-8f76-8ac6d0e5f8a3");
        answer.path("lineage.nodes[1].latestRunState").entity(String.class).isEqualTo("COMPLETED");
        answer.path("lineage.nodes[0].owners").entityList(String.class).containsExactly();
        answer.path("lineage.nodes[0].latestRunState").valueIsNull();
    }

    @Test
    void tracesAnExportedColumnBackToBothSourceFilesThroughTheLegacyIdentityForm() {
        String result = NodeId.field(GCS, "result.csv", "a");
        String copied = NodeId.field(BQ, "mock-project.test.upload_cp", "a");
        String uploaded = NodeId.field(BQ, "mock-project.test.upload", "a");
        String copiedCsv = NodeId.field(GCS, "copied.csv", "a");
        String test = NodeId.field(GCS, "test.csv", "a");
        var identity = new Transformation("IDENTITY", null, "identical", null);

        var answer = graphQl.document(COLUMN_LINEAGE)
                .variable("node", field(GCS, "result.csv", "a"))
                .execute();

        answer.path("columnLineage.nodes")
                .entityList(Column.class)
                .containsExactly(
                        new Column(result, "result.csv", "a", "INTEGER", 0),
                        new Column(copied, "mock-project.test.upload_cp", "a", "INTEGER", 1),
                        new Column(uploaded, "mock-project.test.upload", "a", "INTEGER", 2),
                        new Column(copiedCsv, "copied.csv", "a", "INTEGER", 3),
                        new Column(test, "test.csv", "a", "INTEGER", 3));
        answer.path("columnLineage.edges")
                .entityList(ColumnEdge.class)
                .isEqualTo(List.of(
                        new ColumnEdge(uploaded, copied, identity),
                        new ColumnEdge(copied, result, identity),
                        new ColumnEdge(copiedCsv, uploaded, identity),
                        new ColumnEdge(test, uploaded, identity)));
    }
}
