package io.tributary.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** Namespaces with counts, and the Datasets and Jobs pages, over the Spark and Airflow fixture sets together. */
class NamespacesApiTest extends EndToEndTest {

    @BeforeEach
    void ingestSparkAndAirflow() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        for (int i = 1; i <= 8; i++) {
            post(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void countsTheJobsDatasetsAndRunsOfEachNamespace() {
        graphQl.document("{ namespaces { name jobCount datasetCount runCount } }")
                .execute()
                .path("namespaces")
                .matchesJsonStrictly("""
                        [ { "name": "airflow", "jobCount": 4, "datasetCount": 0, "runCount": 4 },
                          { "name": "bigquery", "jobCount": 0, "datasetCount": 2, "runCount": 0 },
                          { "name": "file", "jobCount": 0, "datasetCount": 3, "runCount": 0 },
                          { "name": "file:/tmp/cll_test", "jobCount": 0, "datasetCount": 3, "runCount": 0 },
                          { "name": "gs://mock-bucket", "jobCount": 0, "datasetCount": 3, "runCount": 0 },
                          { "name": "testColumnLevelLineage", "jobCount": 4, "datasetCount": 0, "runCount": 4 } ]""");
    }

    @Test
    void pagesAllDatasetsByNamespaceAndNameAcrossNamespaceBoundaries() {
        String query = """
                query($after: String) { datasets(first: 4, after: $after) {
                  edges { node { namespace name } } pageInfo { hasNextPage endCursor } } }""";
        var pages = new ArrayList<List<String>>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            var page = graphQl.document(query).variable("after", after).execute();
            var namespaces = page.path("datasets.edges[*].node.namespace")
                    .entityList(String.class)
                    .get();
            var names = page.path("datasets.edges[*].node.name")
                    .entityList(String.class)
                    .get();
            var keys = new ArrayList<String>();
            for (int i = 0; i < names.size(); i++) {
                keys.add(namespaces.get(i) + " " + names.get(i));
            }
            pages.add(keys);
            hasNext = page.path("datasets.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = page.path("datasets.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        assertThat(pages)
                .containsExactly(
                        List.of(
                                "bigquery mock-project.test.upload",
                                "bigquery mock-project.test.upload_cp",
                                "file /tmp/cll_test/cll_source1",
                                "file /tmp/cll_test/cll_source2"),
                        List.of(
                                "file /tmp/cll_test/tbl1",
                                "file:/tmp/cll_test default.cll_source1",
                                "file:/tmp/cll_test default.cll_source2",
                                "file:/tmp/cll_test default.tbl1"),
                        List.of(
                                "gs://mock-bucket copied.csv",
                                "gs://mock-bucket result.csv",
                                "gs://mock-bucket test.csv"));
    }

    @Test
    void pagesOneNamespacesDatasetsAndJobsWithTheirLastAccess() {
        var first = graphQl.document("""
                        { datasets(namespace: "gs://mock-bucket", first: 2) {
                            edges { node { name lastSeen lastWritten { run { id } } lastRead { run { id } } } }
                            pageInfo { hasNextPage endCursor } } }""").execute();
        first.path("datasets.edges").matchesJsonStrictly("""
                        [ { "node": { "name": "copied.csv", "lastSeen": "2024-11-26T13:05:29.606Z", "lastWritten": null,
                                      "lastRead": { "run": { "id": "01936893-9751-7b3c-8f76-8ac6d0e5f8a3" } } } },
                          { "node": { "name": "result.csv", "lastSeen": "2024-11-26T13:05:39.460Z",
                                      "lastWritten": { "run": { "id": "01936893-9751-7150-bbde-96d39c5c4c8d" } },
                                      "lastRead": null } } ]""");
        String cursor =
                first.path("datasets.pageInfo.endCursor").entity(String.class).get();
        graphQl.document("""
                        query($after: String) { datasets(namespace: "gs://mock-bucket", first: 2, after: $after) {
                          edges { node { name } } pageInfo { hasNextPage } } }""")
                .variable("after", cursor)
                .execute()
                .path("datasets")
                .matchesJsonStrictly("""
                        { "edges": [ { "node": { "name": "test.csv" } } ], "pageInfo": { "hasNextPage": false } }""");
        graphQl.document(
                        "{ jobs(namespace: \"airflow\") { edges { node { name jobType } } pageInfo { hasNextPage } } }")
                .execute()
                .path("jobs")
                .matchesJsonStrictly("""
                        { "edges": [ { "node": { "name": "BQ", "jobType": "DAG" } },
                                     { "node": { "name": "BQ.copy", "jobType": "TASK" } },
                                     { "node": { "name": "BQ.download", "jobType": "TASK" } },
                                     { "node": { "name": "BQ.upload", "jobType": "TASK" } } ],
                          "pageInfo": { "hasNextPage": false } }""");
        graphQl.document("query($after: String) { jobs(namespace: \"bigquery\", after: $after) { edges { cursor } } }")
                .variable("after", cursor)
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().contains("belongs to another namespace"))
                .verify();
    }
}
