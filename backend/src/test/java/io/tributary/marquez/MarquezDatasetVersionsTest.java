package io.tributary.marquez;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Marquez's dataset versions and upstream run lineage over the real Airflow BQ DAG: BQ.upload writes test.upload,
 * BQ.copy reads it and writes test.upload_cp, BQ.download reads that and writes result.csv. BQ.upload runs again a
 * day later: a second version of test.upload, now current, which no run has read. Every answer is validated against
 * Marquez's OpenAPI description.
 */
class MarquezDatasetVersionsTest extends MarquezApiSupport {

    private static final String COPY_RUN = "01936893-9751-7b10-a4a7-cd7454722d0f";
    private static final String DOWNLOAD_RUN = "01936893-9751-7150-bbde-96d39c5c4c8d";
    private static final String UPLOAD = "/api/v1/namespaces/bigquery/datasets/mock-project.test.upload";

    @BeforeEach
    void ingest() {
        ingestAirflowDag();
        post(nextUploadRun().toString()).expectStatus().isCreated();
    }

    @Test
    void listsADatasetsVersionsNewestFirstEachWithTheRunThatWroteIt() {
        JsonNode page = get(UPLOAD + "/versions", "DatasetVersionList");

        assertThat(page.path("totalCount").asLong()).isEqualTo(2);
        JsonNode versions = page.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asString()).isEqualTo(NEXT_UPLOAD_RUN);
        assertThat(versions.get(0).path("createdByRun").path("id").asString()).isEqualTo(NEXT_UPLOAD_RUN);
        assertThat(versions.get(0).path("createdAt").asString()).isEqualTo("2024-11-27T13:05:29.606867Z");
        assertThat(versions.get(1).path("version").asString()).isEqualTo(UPLOAD_RUN);
        assertThat(versions.get(1).path("createdByRun").path("id").asString()).isEqualTo(UPLOAD_RUN);
        assertThat(versions.get(1).path("id").path("name").asString()).isEqualTo("mock-project.test.upload");

        JsonNode paged = get(UPLOAD + "/versions?limit=1&offset=1", "DatasetVersionList");
        assertThat(paged.path("totalCount").asLong()).isEqualTo(2);
        assertThat(paged.get("versions")).hasSize(1);
        assertThat(paged.get("versions").get(0).path("version").asString()).isEqualTo(UPLOAD_RUN);
    }

    @Test
    void answersOneVersionByItsIdAndTheDatasetsCurrentVersionIsTheNewest() {
        JsonNode version = get(UPLOAD + "/versions/" + UPLOAD_RUN, "DatasetVersion");
        assertThat(version.path("version").asString()).isEqualTo(UPLOAD_RUN);
        assertThat(version.path("namespace").asString()).isEqualTo("bigquery");

        JsonNode missing = answer(UPLOAD + "/versions/" + COPY_RUN, 404);
        assertThat(missing.path("code").asInt()).isEqualTo(404);

        assertThat(get(UPLOAD, "Dataset").path("currentVersion").asString()).isEqualTo(NEXT_UPLOAD_RUN);
        // The run that read it names the version it read, which is not the current one.
        JsonNode copy = get("/api/v1/jobs/runs/" + COPY_RUN, "Run");
        assertThat(copy.path("inputDatasetVersions")
                        .get(0)
                        .path("datasetVersionId")
                        .path("version")
                        .asString())
                .isEqualTo(UPLOAD_RUN);
        assertThat(copy.path("outputDatasetVersions")
                        .get(0)
                        .path("datasetVersionId")
                        .path("version")
                        .asString())
                .isEqualTo(COPY_RUN);
    }

    @Test
    void upstreamRunLineageFollowsTheVersionsEachRunReadNotTheLatestRun() {
        JsonNode lineage = get("/api/v1/runlineage/upstream?runId=" + DOWNLOAD_RUN + "&depth=10", "UpstreamRunLineage");

        JsonNode runs = lineage.get("runs");
        assertThat(ids(runs)).containsExactly(DOWNLOAD_RUN, COPY_RUN, UPLOAD_RUN);
        JsonNode download = runs.get(0);
        assertThat(download.path("job").path("name").asString()).isEqualTo("BQ.download");
        assertThat(download.path("run").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(download.path("inputs")).hasSize(1);
        JsonNode read = download.path("inputs").get(0);
        assertThat(read.path("name").asString()).isEqualTo("mock-project.test.upload_cp");
        assertThat(read.path("version").asString()).isEqualTo(COPY_RUN);
        assertThat(read.path("producedByRunId").asString()).isEqualTo(COPY_RUN);
        assertThat(runs.get(1).path("inputs").get(0).path("producedByRunId").asString())
                .isEqualTo(UPLOAD_RUN);

        JsonNode shallow = get("/api/v1/runlineage/upstream?runId=" + DOWNLOAD_RUN + "&depth=1", "UpstreamRunLineage");
        assertThat(ids(shallow.get("runs"))).containsExactly(DOWNLOAD_RUN, COPY_RUN);
        // A depth beyond the cap is capped, not refused.
        assertThat(ids(get("/api/v1/runlineage/upstream?runId=" + DOWNLOAD_RUN + "&depth=1000", "UpstreamRunLineage")
                        .get("runs")))
                .hasSize(3);
        answer("/api/v1/runlineage/upstream?runId=00000000-0000-0000-0000-000000000000", 404);
    }

    private static List<String> ids(JsonNode runs) {
        var ids = new ArrayList<String>();
        runs.forEach(r -> ids.add(r.path("run").path("id").asString()));
        return ids;
    }
}
