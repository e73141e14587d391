package io.tributary.run;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Airflow BigQuery DAG (airflow/compat-tests-bq-dag/line_01..08): a DAG run with three task runs. */
class AirflowDagApiTest extends EndToEndTest {

    static final String DAG_RUN = "01936893-9751-7a91-a2a0-a51101a3970c";
    static final String UPLOAD_RUN = "01936893-9751-7b3c-8f76-8ac6d0e5f8a3";
    static final String COPY_RUN = "01936893-9751-7b10-a4a7-cd7454722d0f";
    static final String DOWNLOAD_RUN = "01936893-9751-7150-bbde-96d39c5c4c8d";

    @BeforeEach
    void ingestTheDag() {
        for (int i = 1; i <= 8; i++) {
            post(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void showsTheDagRunWithItsTaskRunsInTheOrderTheyRan() {
        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          state startedAt endedAt durationMs nominalStartTime nominalEndTime parent { id }
                          job { name jobType integration processingType owners }
                          children { id state startedAt endedAt parent { id } job { name parent { name } } }
                        } }""").variable("id", DAG_RUN).execute().path("run").matchesJsonStrictly("""
                        { "state": "COMPLETED", "startedAt": "2024-11-26T13:05:23.809Z",
                          "endedAt": "2024-11-26T13:05:39.809Z", "durationMs": 16000,
                          "nominalStartTime": "2024-11-26T13:05:23.281Z", "nominalEndTime": "2024-11-26T13:05:23.281Z",
                          "parent": null,
                          "job": { "name": "BQ", "jobType": "DAG", "integration": "AIRFLOW", "processingType": "BATCH",
                                   "owners": ["***"] },
                          "children": [
                            { "id": "%1$s", "state": "COMPLETED", "startedAt": "2024-11-26T13:05:25.547Z",
                              "endedAt": "2024-11-26T13:05:29.606Z", "parent": { "id": "%4$s" },
                              "job": { "name": "BQ.upload", "parent": { "name": "BQ" } } },
                            { "id": "%2$s", "state": "COMPLETED", "startedAt": "2024-11-26T13:05:31.724Z",
                              "endedAt": "2024-11-26T13:05:34.626Z", "parent": { "id": "%4$s" },
                              "job": { "name": "BQ.copy", "parent": { "name": "BQ" } } },
                            { "id": "%3$s", "state": "COMPLETED", "startedAt": "2024-11-26T13:05:37.621Z",
                              "endedAt": "2024-11-26T13:05:39.460Z", "parent": { "id": "%4$s" },
                              "job": { "name": "BQ.download", "parent": { "name": "BQ" } } } ] }""".formatted(
                        UPLOAD_RUN, COPY_RUN, DOWNLOAD_RUN, DAG_RUN));
    }

    @Test
    void showsEachTasksBigQueryJobAsAnExternalQueryWithItsInputsAndOutputs() {
        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          externalQueries { externalQueryId source }
                          inputs { dataset { namespace name } rowCount }
                          outputs { dataset { namespace name fields { name type } } rowCount }
                        } }""").variable("id", UPLOAD_RUN).execute().path("run").matchesJsonStrictly("""
                        { "externalQueries": [ {
                            "externalQueryId": "***_BQ_upload_2024_11_26T13_05_23_281750_00_00_34eb25f32cc5ebf55db94226de92832c",
                            "source": "bigquery" } ],
                          "inputs": [
                            { "dataset": { "namespace": "gs://mock-bucket", "name": "copied.csv" }, "rowCount": null },
                            { "dataset": { "namespace": "gs://mock-bucket", "name": "test.csv" }, "rowCount": null } ],
                          "outputs": [
                            { "dataset": { "namespace": "bigquery", "name": "mock-project.test.upload",
                                           "fields": [ { "name": "a", "type": "INTEGER" }, { "name": "b", "type": "INTEGER" },
                                                       { "name": "c", "type": "INTEGER" }, { "name": "d", "type": "INTEGER" } ] },
                              "rowCount": null } ] }""");
    }

    @Test
    void mergesTheCustomAirflowFacetsOfAllOfARunsEvents() {
        graphQl.document("query($id: ID!) { run(id: $id) { facets jobFacets } }")
                .variable("id", DAG_RUN)
                .execute()
                .path("run.facets.airflowDagRun")
                .matchesJsonStrictly(
                        json(Fixtures.at("airflow/compat-tests-bq-dag/line_01.json", "run", "facets", "airflowDagRun")))
                .path("run.facets.airflowState")
                .matchesJsonStrictly(
                        json(Fixtures.at("airflow/compat-tests-bq-dag/line_08.json", "run", "facets", "airflowState")))
                .path("run.jobFacets.airflow")
                .matchesJsonStrictly(
                        json(Fixtures.at("airflow/compat-tests-bq-dag/line_01.json", "job", "facets", "airflow")))
                .path("run.jobFacets.ownership.owners[0].name")
                .entity(String.class)
                .isEqualTo("***");
    }

    @Test
    void listsTheDagsTasksAsChildJobsAndPagesAJobsRuns() {
        graphQl.document("""
                        { job(namespace: "airflow", name: "BQ") {
                          children { name owners latestRun { id } }
                          runs(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
                          parent { name }
                        } }""")
                .execute()
                .path("job.children")
                .matchesJsonStrictly("""
                        [ { "name": "BQ.copy", "owners": ["***"], "latestRun": { "id": "%s" } },
                          { "name": "BQ.download", "owners": ["***"], "latestRun": { "id": "%s" } },
                          { "name": "BQ.upload", "owners": ["***"], "latestRun": { "id": "%s" } } ]""".formatted(COPY_RUN, DOWNLOAD_RUN, UPLOAD_RUN))
                .path("job.runs.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(DAG_RUN)
                .path("job.runs.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("job.parent")
                .valueIsNull();
    }

    @Test
    void pagesTheDagsRunsOnTheRunsPageNewestFirst() {
        String query = """
                query($after: String) { runs(filter: { namespace: "airflow" }, first: 2, after: $after) {
                  edges { node { id job { name } } } pageInfo { hasNextPage endCursor } } }""";
        var first = graphQl.document(query).execute();
        first.path("runs.edges[*].node.job.name")
                .entityList(String.class)
                .containsExactly("BQ.download", "BQ.copy")
                .path("runs.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        graphQl.document(query)
                .variable(
                        "after",
                        first.path("runs.pageInfo.endCursor")
                                .entity(String.class)
                                .get())
                .execute()
                .path("runs.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(UPLOAD_RUN, DAG_RUN)
                .path("runs.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    private static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }
}
