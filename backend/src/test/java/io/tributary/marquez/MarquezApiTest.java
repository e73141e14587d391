package io.tributary.marquez;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Marquez-compatible API against real ingested events (Airflow's BigQuery DAG with its gs:// bucket, Spark's
 * column-level lineage scenario), every answer validated against Marquez's OpenAPI description and checked for content.
 */
class MarquezApiTest extends MarquezApiSupport {

    @Test
    void listsNamespacesAndTheDatasetsOfAnEncodedBucketNamespace() {
        ingestAirflowDag();

        JsonNode namespaces = get("/api/v1/namespaces", "NamespaceList");
        assertThat(texts(namespaces.get("namespaces"), "name"))
                .containsExactly("airflow", "bigquery", "gs://mock-bucket");
        assertThat(namespaces.get("namespaces").get(0).has("ownerName")).isTrue();

        JsonNode bucket = get("/api/v1/namespaces/gs%3A%2F%2Fmock-bucket", "Namespace");
        assertThat(bucket.path("name").asString()).isEqualTo("gs://mock-bucket");
        assertThat(bucket.path("createdAt").asString()).startsWith("2024-11-26T13:05");

        JsonNode page = get("/api/v1/namespaces/gs%3A%2F%2Fmock-bucket/datasets?limit=2&offset=0", "DatasetList");
        assertThat(page.path("totalCount").asLong()).isEqualTo(3);
        assertThat(texts(page.get("datasets"), "name")).containsExactly("copied.csv", "result.csv");
        JsonNode rest = get("/api/v1/namespaces/gs%3A%2F%2Fmock-bucket/datasets?limit=2&offset=2", "DatasetList");
        assertThat(texts(rest.get("datasets"), "name")).containsExactly("test.csv");

        JsonNode upload = get("/api/v1/namespaces/bigquery/datasets/mock-project.test.upload", "Dataset");
        assertThat(upload.path("id").path("namespace").asString()).isEqualTo("bigquery");
        assertThat(upload.path("id").path("name").asString()).isEqualTo("mock-project.test.upload");
        assertThat(upload.path("type").asString()).isEqualTo("DB_TABLE");
        assertThat(upload.path("deleted").asBoolean()).isFalse();
        assertThat(upload.path("lastModifiedAt").asString()).isEqualTo("2024-11-26T13:05:29.606867Z");
        assertThat(upload.path("currentVersion").asString()).hasSize(36);
        assertThat(upload.has("description")).isTrue();
        assertThat(upload.path("facets").isObject()).isTrue();
    }

    @Test
    void answersJobsTheirRunsAndRunFacets() {
        ingestAirflowDag();

        JsonNode jobs = get("/api/v1/namespaces/airflow/jobs?limit=700", "JobList");
        assertThat(jobs.path("totalCount").asLong()).isEqualTo(4);
        assertThat(texts(jobs.get("jobs"), "name")).containsExactly("BQ", "BQ.copy", "BQ.download", "BQ.upload");

        JsonNode upload = get("/api/v1/namespaces/airflow/jobs/BQ.upload", "Job");
        assertThat(upload.path("simpleName").asString()).isEqualTo("upload");
        assertThat(upload.path("parentJobName").asString()).isEqualTo("BQ");
        assertThat(texts(upload.get("inputs"), "name")).containsExactly("copied.csv", "test.csv");
        assertThat(texts(upload.get("inputs"), "namespace")).containsOnly("gs://mock-bucket");
        assertThat(texts(upload.get("outputs"), "name")).containsExactly("mock-project.test.upload");
        assertThat(upload.path("latestRun").path("id").asString()).isEqualTo(UPLOAD_RUN);
        assertThat(upload.path("latestRun").path("state").asString()).isEqualTo("COMPLETED");

        JsonNode runs = get("/api/v1/namespaces/airflow/jobs/BQ.upload/runs?limit=10", "RunList");
        assertThat(texts(runs.get("runs"), "id")).containsExactly(UPLOAD_RUN);

        JsonNode run = get("/api/v1/jobs/runs/" + UPLOAD_RUN, "Run");
        assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("durationMs").asLong()).isEqualTo(4059);
        assertThat(run.path("startedAt").asString()).isEqualTo("2024-11-26T13:05:25.547948Z");
        assertThat(run.path("jobVersion").path("name").asString()).isEqualTo("BQ.upload");
        assertThat(run.path("outputDatasetVersions")
                        .get(0)
                        .path("datasetVersionId")
                        .path("name")
                        .asString())
                .isEqualTo("mock-project.test.upload");
        assertThat(run.path("facets").isObject()).isTrue();

        JsonNode runFacets = get("/api/v1/jobs/runs/" + UPLOAD_RUN + "/facets?type=run", "FacetsResult");
        assertThat(runFacets.path("runId").asString()).isEqualTo(UPLOAD_RUN);
        assertThat(runFacets.path("facets").has("parent")).isTrue();
        JsonNode jobFacets = get("/api/v1/jobs/runs/" + UPLOAD_RUN + "/facets?type=job", "FacetsResult");
        assertThat(jobFacets.path("facets").has("jobType")).isTrue();
    }

    @Test
    void filtersAllJobsByTheStateOfTheirLatestRun() {
        ingestAirflowDag();

        JsonNode completed = get("/api/v1/jobs?limit=10&offset=0&lastRunStates=COMPLETED", "JobList");
        assertThat(completed.path("totalCount").asLong()).isEqualTo(4);
        JsonNode failed = get("/api/v1/jobs?runState=FAILED", "JobList");
        assertThat(failed.path("totalCount").asLong()).isZero();
        assertThat(failed.path("jobs")).isEmpty();
        JsonNode page = get("/api/v1/jobs?limit=1&offset=1", "JobList");
        assertThat(texts(page.get("jobs"), "name")).containsExactly("BQ.copy");
        assertThat(page.path("totalCount").asLong()).isEqualTo(4);
    }

    @Test
    void drawsTheLineageOfASparkDatasetWithItsJobsAndEdges() {
        ingestSparkColumnLineage();

        JsonNode graph = get("/api/v1/lineage/?nodeId=dataset:file:/tmp/cll_test/tbl1&depth=1", "LineageGraph");
        String ctas = "job:testColumnLevelLineage:open_lineage_integration_create_table."
                + "execute_create_hive_table_as_select_command.default_tbl1";
        assertThat(texts(graph.get("graph"), "id"))
                .containsExactlyInAnyOrder(
                        "dataset:file:/tmp/cll_test/tbl1",
                        ctas,
                        "dataset:file:/tmp/cll_test/cll_source1",
                        "dataset:file:/tmp/cll_test/cll_source2");
        JsonNode job = node(graph, ctas);
        assertThat(job.path("type").asString()).isEqualTo("JOB");
        assertThat(texts(job.get("inEdges"), "origin"))
                .containsExactlyInAnyOrder(
                        "dataset:file:/tmp/cll_test/cll_source1", "dataset:file:/tmp/cll_test/cll_source2");
        assertThat(texts(job.get("outEdges"), "destination")).containsExactly("dataset:file:/tmp/cll_test/tbl1");
        assertThat(job.path("data").path("latestRun").path("state").asString()).isEqualTo("COMPLETED");
        JsonNode table = node(graph, "dataset:file:/tmp/cll_test/tbl1");
        assertThat(table.path("data").path("name").asString()).isEqualTo("/tmp/cll_test/tbl1");
        assertThat(texts(table.get("inEdges"), "origin")).containsExactly(ctas);

        // Depth 2 (job-to-job steps) reaches the jobs that created the sources.
        JsonNode deeper = get("/api/v1/lineage?nodeId=dataset:file:/tmp/cll_test/tbl1&depth=2", "LineageGraph");
        assertThat(deeper.get("graph")).hasSize(6);
    }

    @Test
    void capsAHugeDepthInsteadOfRefusingIt() {
        ingestSparkColumnLineage();

        JsonNode graph = get("/api/v1/lineage?nodeId=dataset:file:/tmp/cll_test/tbl1&depth=1000000", "LineageGraph");
        assertThat(graph.get("graph")).hasSize(6);
        JsonNode columns = get(
                "/api/v1/column-lineage?nodeId=datasetField:file:/tmp/cll_test/tbl1:agg&depth=1000000", "LineageGraph");
        assertThat(columns.get("graph")).hasSize(5);
    }

    @Test
    void tracesColumnLineageOfAFieldToItsInputs() {
        ingestSparkColumnLineage();

        JsonNode graph = get(
                "/api/v1/column-lineage?nodeId=datasetField:file:%2Ftmp%2Fcll_test%2Ftbl1:agg&depth=20&withDownstream=true",
                "LineageGraph");
        String agg = "datasetField:file:/tmp/cll_test/tbl1:agg";
        assertThat(texts(graph.get("graph"), "id"))
                .containsExactlyInAnyOrder(
                        agg,
                        "datasetField:file:/tmp/cll_test/cll_source1:a",
                        "datasetField:file:/tmp/cll_test/cll_source1:b",
                        "datasetField:file:/tmp/cll_test/cll_source2:a",
                        "datasetField:file:/tmp/cll_test/cll_source2:c");
        JsonNode field = node(graph, agg);
        assertThat(field.path("type").asString()).isEqualTo("DATASET_FIELD");
        assertThat(field.path("data").path("fieldType").asString()).isEqualTo("long");
        var inputs = new ArrayList<String>();
        field.path("data")
                .path("inputFields")
                .forEach(in -> inputs.add(
                        in.path("dataset").asString() + ":" + in.path("field").asString() + ":"
                                + in.path("transformationType").asString()));
        assertThat(inputs)
                .contains(
                        "/tmp/cll_test/cll_source2:c:DIRECT/AGGREGATION",
                        "/tmp/cll_test/cll_source1:b:INDIRECT/GROUP_BY");
        assertThat(field.get("inEdges")).hasSize(4);
    }

    @Test
    void answersMarquezErrorsForUnknownNamesAndBadNodeIds() {
        ingestAirflowDag();

        JsonNode namespace = answer("/api/v1/namespaces/nope/datasets", 404);
        assertThat(namespace.path("code").asInt()).isEqualTo(404);
        assertThat(namespace.path("message").asString()).contains("nope");
        JsonNode dataset = answer("/api/v1/namespaces/bigquery/datasets/nope", 404);
        assertThat(dataset.path("code").asInt()).isEqualTo(404);
        assertThat(answer("/api/v1/namespaces/airflow/jobs/nope", 404)
                        .path("code")
                        .asInt())
                .isEqualTo(404);
        assertThat(answer("/api/v1/jobs/runs/" + "00000000-0000-0000-0000-000000000000", 404)
                        .path("code")
                        .asInt())
                .isEqualTo(404);
        assertThat(answer("/api/v1/lineage?nodeId=dataset:bigquery:nope", 404)
                        .path("code")
                        .asInt())
                .isEqualTo(404);

        JsonNode badPrefix = answer("/api/v1/lineage?nodeId=table:bigquery:x", 400);
        assertThat(badPrefix.path("code").asInt()).isEqualTo(400);
        assertThat(badPrefix.path("message").asString()).contains("must start with");
        assertThat(answer("/api/v1/lineage?nodeId=dataset:bigquery", 400)
                        .path("code")
                        .asInt())
                .isEqualTo(400);
        assertThat(answer("/api/v1/lineage", 400).path("code").asInt()).isEqualTo(400);
        assertThat(answer("/api/v1/lineage?nodeId=dataset:bigquery:x&depth=deep", 400)
                        .path("code")
                        .asInt())
                .isEqualTo(400);
        assertThat(answer("/api/v1/lineage?nodeId=dataset:bigquery:x&depth=-1", 400)
                        .path("code")
                        .asInt())
                .isEqualTo(400);
    }

    @Test
    void searchesJobsAndDatasetsByName() {
        ingestAirflowDag();

        JsonNode all = get("/api/v1/search/?q=upload&sort=NAME&limit=100", "SearchResultList");
        assertThat(texts(all.get("results"), "nodeId"))
                .containsExactly(
                        "job:airflow:BQ.upload",
                        "dataset:bigquery:mock-project.test.upload",
                        "dataset:bigquery:mock-project.test.upload_cp");
        assertThat(all.path("totalCount").asLong()).isEqualTo(3);
        JsonNode datasets = get("/api/v1/search?q=upload&filter=DATASET&namespace=bigquery", "SearchResultList");
        assertThat(texts(datasets.get("results"), "type")).containsOnly("DATASET");
    }

    @Test
    void listsTheRawEventsNewestFirstWithTheirCount() {
        ingestAirflowDag();

        JsonNode newest = get("/api/v1/events/lineage?limit=3&before=&after=&sortDirection=desc", "LineageEventList");
        assertThat(newest.path("totalCount").asLong()).isEqualTo(8);
        assertThat(newest.get("events")).hasSize(3);
        assertThat(java.time.OffsetDateTime.parse(
                        newest.get("events").get(0).path("eventTime").asString()))
                .isEqualTo(java.time.OffsetDateTime.parse("2024-11-26T13:05:39.809127Z"));
        JsonNode oldest = get("/api/v1/events/lineage?limit=1&offset=0&sortDirection=asc", "LineageEventList");
        assertThat(oldest.get("events").get(0).path("job").path("name").asString())
                .isEqualTo("BQ");
        assertThat(oldest.get("events").get(0).path("eventType").asString()).isEqualTo("START");
        JsonNode window = get(
                "/api/v1/events/lineage?after=2024-11-26T13:05:30Z&before=2024-11-26T13:05:38Z", "LineageEventList");
        assertThat(window.path("totalCount").asLong()).isEqualTo(3);
    }

    @Test
    void countsEventsAndNewEntitiesForTheHomePageCharts() {
        // The DAG's events moved to the last minute, in their order, so that they fall in the charts' last hour.
        var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 1; i <= 8; i++) {
            var event = (tools.jackson.databind.node.ObjectNode)
                    JSON.readTree(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"));
            event.put("eventTime", now.minusSeconds(9 - i).toString());
            post(event.toString()).expectStatus().isCreated();
        }

        JsonNode day = answer("/api/v1/stats/lineage-events?period=DAY&timezone=Europe/Amsterdam", 200);
        assertThat(day).hasSize(24);
        long starts = 0;
        long completes = 0;
        for (JsonNode hour : day) {
            starts += hour.path("start").asLong();
            completes += hour.path("complete").asLong();
        }
        assertThat(starts).isEqualTo(4);
        assertThat(completes).isEqualTo(4);
        JsonNode week = answer("/api/v1/stats/lineage-events?period=WEEK&timezone=UTC", 200);
        assertThat(week).hasSize(7);
        assertThat(week.get(6).path("start").asLong()).isEqualTo(4);

        JsonNode jobs = answer("/api/v1/stats/jobs?period=WEEK&timezone=UTC", 200);
        assertThat(jobs).hasSize(7);
        assertThat(jobs.get(6).path("count").asLong()).isEqualTo(4);
        assertThat(jobs.get(0).path("count").asLong()).isZero();
        JsonNode datasets = answer("/api/v1/stats/datasets?period=DAY&timezone=UTC", 200);
        assertThat(datasets.get(23).path("count").asLong()).isEqualTo(5);
        assertThat(answer("/api/v1/stats/sources?period=DAY", 200)
                        .get(23)
                        .path("count")
                        .asLong())
                .isEqualTo(2);
        assertThat(answer("/api/v1/stats/jobs?period=YEAR", 400).path("code").asInt())
                .isEqualTo(400);
    }

    /** Marquez's web UI's own requests, recorded in {@code marquez/ui-requests.txt} with their source. */
    @Test
    void answersEveryRecordedMarquezUiRequestInMarquezsShapes() throws java.io.IOException {
        ingestAirflowDag();
        ingestSparkColumnLineage();

        String recorded;
        try (var in = MarquezApiTest.class.getResourceAsStream("/marquez/ui-requests.txt")) {
            recorded = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var lines = recorded.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(lines).hasSize(20);
        for (String line : lines) {
            String[] parts = line.split(" ", 2);
            JsonNode body = get(parts[1], parts[0].equals("-") ? null : parts[0]);
            assertThat(body.isEmpty()).as(parts[1]).isFalse();
        }
    }

    static JsonNode node(JsonNode graph, String id) {
        for (JsonNode node : graph.get("graph")) {
            if (node.path("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("No node " + id + " in " + graph);
    }
}
