package io.tributary.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs, datasets and jobs of the Spark column-lineage set (spark/compat-tests-cll/1..9) through the GraphQL API. */
class SparkRunApiTest extends EndToEndTest {

    private static final String APP_RUN = "019127de-fd25-7707-bfa4-3ec02693a531";
    private static final String SOURCE1_RUN = "019127df-00a2-743c-b714-df7e6dcadb2b";
    private static final String SOURCE2_RUN = "019127df-074d-7d1b-b8d8-8a2c16a2fe60";
    private static final String CTAS_RUN = "019127df-0850-72bc-b214-b255290588a6";
    private static final String APP_JOB = "open_lineage_integration_create_table";

    @BeforeEach
    void ingestTheSparkSet() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void showsTheCtasRunWithItsTimesInputsAndOutputStatistics() {
        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          id state startedAt endedAt durationMs nominalStartTime nominalEndTime errorMessage error { message }
                          externalQueries { externalQueryId }
                          job { name }
                          parent { id }
                          inputs { dataset { namespace name } rowCount bytes fileCount }
                          outputs { dataset { namespace name } rowCount bytes fileCount }
                        } }""").variable("id", CTAS_RUN).execute().path("run").matchesJsonStrictly("""
                        { "id": "019127df-0850-72bc-b214-b255290588a6", "state": "COMPLETED",
                          "startedAt": "2024-08-06T13:26:53.776Z", "endedAt": "2024-08-06T13:26:54.340Z",
                          "durationMs": 564, "nominalStartTime": null, "nominalEndTime": null,
                          "errorMessage": null, "error": null, "externalQueries": [],
                          "job": { "name": "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1" },
                          "parent": { "id": "019127de-fd25-7707-bfa4-3ec02693a531" },
                          "inputs": [
                            { "dataset": { "namespace": "file", "name": "/tmp/cll_test/cll_source1" },
                              "rowCount": null, "bytes": null, "fileCount": null },
                            { "dataset": { "namespace": "file", "name": "/tmp/cll_test/cll_source2" },
                              "rowCount": null, "bytes": null, "fileCount": null } ],
                          "outputs": [
                            { "dataset": { "namespace": "file", "name": "/tmp/cll_test/tbl1" },
                              "rowCount": 0, "bytes": 0, "fileCount": null } ] }""");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergesEveryRunFacetOfTheArchivedEventsLaterEventsWinning() {
        var response = graphQl.document("query($id: ID!) { run(id: $id) { facets jobFacets } }")
                .variable("id", CTAS_RUN)
                .execute();
        Map<String, Object> facets =
                response.path("run.facets").entity(Map.class).get();
        assertThat(facets)
                .containsOnlyKeys(
                        "environment-properties",
                        "parent",
                        "processing_engine",
                        "spark.logicalPlan",
                        "spark_jobDetails",
                        "spark_properties");
        // spark_jobDetails came only with event 6; the logical plan of every event, the last (8) winning.
        assertThat(facets.get("spark_jobDetails")).isEqualTo(runFacet(6, "spark_jobDetails"));
        assertThat(facets.get("spark.logicalPlan")).isEqualTo(runFacet(8, "spark.logicalPlan"));
        assertThat((Map<String, Object>) facets.get("spark_properties"))
                .containsEntry(
                        "properties",
                        Map.of("spark.master", "local", "spark.app.name", "Open Lineage Integration Create Table"));
        response.path("run.jobFacets").matchesJsonStrictly("""
                { "jobType": {
                    "_producer": "https://github.com/OpenLineage/OpenLineage/tree/1.19.0-SNAPSHOT/integration/spark",
                    "_schemaURL": "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
                    "processingType": "BATCH", "integration": "SPARK", "jobType": "SQL_JOB" } }""");
    }

    @Test
    void listsTheApplicationRunsQueryRunsAsChildrenInTheOrderTheyRan() {
        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          state children { id state startedAt parent { id } }
                          job { name jobType integration children { name parent { name } } }
                        } }""").variable("id", APP_RUN).execute().path("run").matchesJsonStrictly("""
                        { "state": "COMPLETED",
                          "children": [
                            { "id": "%s", "state": "COMPLETED", "startedAt": "2024-08-06T13:26:51.809Z",
                              "parent": { "id": "%s" } },
                            { "id": "%s", "state": "COMPLETED", "startedAt": null, "parent": { "id": "%s" } },
                            { "id": "%s", "state": "COMPLETED", "startedAt": "2024-08-06T13:26:53.776Z",
                              "parent": { "id": "%s" } } ],
                          "job": { "name": "%s", "jobType": "APPLICATION", "integration": "SPARK", "children": [
                            { "name": "%s.execute_create_hive_table_as_select_command.default_tbl1",
                              "parent": { "name": "%s" } },
                            { "name": "%s.execute_create_table_command.cll_test_cll_source1",
                              "parent": { "name": "%s" } },
                            { "name": "%s.execute_create_table_command.cll_test_cll_source2",
                              "parent": { "name": "%s" } } ] } }""".formatted(
                        SOURCE1_RUN,
                        APP_RUN,
                        SOURCE2_RUN,
                        APP_RUN,
                        CTAS_RUN,
                        APP_RUN,
                        APP_JOB,
                        APP_JOB,
                        APP_JOB,
                        APP_JOB,
                        APP_JOB,
                        APP_JOB,
                        APP_JOB));
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergesTheApplicationRunsFacetsFromItsStartAndComplete() {
        Map<String, Object> facets = graphQl.document("query($id: ID!) { run(id: $id) { facets } }")
                .variable("id", APP_RUN)
                .execute()
                .path("run.facets")
                .entity(Map.class)
                .get();
        assertThat(facets)
                .containsOnlyKeys(
                        "environment-properties", "processing_engine", "spark_applicationDetails", "spark_properties");
        assertThat(facets.get("spark_applicationDetails")).isEqualTo(runFacet(1, "spark_applicationDetails"));
        assertThat(facets.get("processing_engine")).isEqualTo(runFacet(9, "processing_engine"));
    }

    @Test
    void describesTheCreatedTableItsSchemaSymlinkSourceAndWriter() {
        graphQl.document("""
                        { dataset(namespace: "file", name: "/tmp/cll_test/tbl1") {
                          fields { name leafName type description parent depth fields { name } }
                          symlinks { dataset { namespace name } type direction }
                          dataSource { name uri } storage { storageLayer } lifecycleState datasetType
                          lastWritten { run { id } time } lastRead { time }
                          producers { name }
                        } }""").execute().path("dataset").matchesJsonStrictly("""
                        { "fields": [
                            { "name": "ident", "leafName": "ident", "type": "integer", "description": null,
                              "parent": null, "depth": 0, "fields": [] },
                            { "name": "trans", "leafName": "trans", "type": "string", "description": null,
                              "parent": null, "depth": 0, "fields": [] },
                            { "name": "agg", "leafName": "agg", "type": "long", "description": null,
                              "parent": null, "depth": 0, "fields": [] } ],
                          "symlinks": [ { "dataset": { "namespace": "file:/tmp/cll_test", "name": "default.tbl1" },
                                          "type": "TABLE", "direction": "OUTGOING" } ],
                          "dataSource": { "name": "file", "uri": "file" }, "storage": null,
                          "lifecycleState": "CREATE", "datasetType": null,
                          "lastWritten": { "run": { "id": "019127df-0850-72bc-b214-b255290588a6" },
                                           "time": "2024-08-06T13:26:54.340Z" },
                          "lastRead": null,
                          "producers": [ { "name": "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1" } ] }""");
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsTheStoredStandardFacetsOfADataset() {
        Map<String, Object> facets = graphQl.document(
                        "{ dataset(namespace: \"file\", name: \"/tmp/cll_test/tbl1\") { facets } }")
                .execute()
                .path("dataset.facets")
                .entity(Map.class)
                .get();
        assertThat(facets)
                .containsOnlyKeys("columnLineage", "dataSource", "lifecycleStateChange", "schema", "symlinks");
        assertThat(facets.get("symlinks")).isEqualTo(outputFacet(8, "symlinks"));
        assertThat(facets.get("schema")).isEqualTo(outputFacet(8, "schema"));
    }

    @Test
    void tellsWhenASourceTableWasLastWrittenAndLastReadAndByWhichRun() {
        graphQl.document("""
                        { dataset(namespace: "file", name: "/tmp/cll_test/cll_source1") {
                          lastWritten { run { id } time } lastRead { run { id } time }
                          symlinks { dataset { name } direction } } }""").execute().path("dataset").matchesJsonStrictly("""
                        { "lastWritten": { "run": { "id": "%s" }, "time": "2024-08-06T13:26:53.465Z" },
                          "lastRead": { "run": { "id": "%s" }, "time": "2024-08-06T13:26:54.340Z" },
                          "symlinks": [ { "dataset": { "name": "default.cll_source1" }, "direction": "OUTGOING" } ] }""".formatted(SOURCE1_RUN, CTAS_RUN));
    }

    @Test
    void showsASymlinkFromTheAliasSideAsIncoming() {
        graphQl.document("""
                        { dataset(namespace: "file:/tmp/cll_test", name: "default.tbl1") {
                          symlinks { dataset { namespace name } type direction } fields { name } } }""").execute().path("dataset").matchesJsonStrictly("""
                        { "symlinks": [ { "dataset": { "namespace": "file", "name": "/tmp/cll_test/tbl1" },
                                          "type": "TABLE", "direction": "INCOMING" } ],
                          "fields": [] }""");
    }

    private static Object runFacet(int file, String name) {
        return Fixtures.at("spark/compat-tests-cll/" + file + ".json", "run", "facets", name);
    }

    private static Object outputFacet(int file, String name) {
        return Fixtures.at("spark/compat-tests-cll/" + file + ".json", "outputs", "0", "facets", name);
    }
}
