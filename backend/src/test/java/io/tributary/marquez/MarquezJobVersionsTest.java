package io.tributary.marquez;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Marquez's job versions, and the current version and lineage its job answers carry, over the real Airflow BQ DAG:
 * BQ.upload reads copied.csv and test.csv; a day later it runs again reading only test.csv, a second version that is
 * now current. Every answer is validated against Marquez's OpenAPI description.
 */
class MarquezJobVersionsTest extends MarquezApiSupport {

    private static final String VERSIONS = "/api/v1/namespaces/airflow/jobs/BQ.upload/versions";

    @BeforeEach
    void ingest() {
        ingestAirflowDag();
        var next = nextUploadRun();
        var inputs = (ArrayNode) next.get("inputs");
        for (int i = inputs.size() - 1; i >= 0; i--) {
            if (inputs.get(i).get("name").asString().equals("copied.csv")) {
                inputs.remove(i);
            }
        }
        post(next.toString()).expectStatus().isCreated();
    }

    @Test
    void listsTheJobsVersionsNewestFirstWithTheirDatasetsAndLatestRuns() {
        JsonNode page = get(VERSIONS, "JobVersionList");

        assertThat(page.path("totalCount").asLong()).isEqualTo(2);
        JsonNode versions = page.get("versions");
        assertThat(versions).hasSize(2);
        JsonNode current = versions.get(0);
        JsonNode previous = versions.get(1);
        assertThat(names(current.get("inputs"))).containsExactly("test.csv");
        assertThat(names(previous.get("inputs"))).containsExactly("copied.csv", "test.csv");
        assertThat(names(current.get("outputs"))).containsExactly("mock-project.test.upload");
        assertThat(current.path("latestRun").path("id").asString()).isEqualTo(NEXT_UPLOAD_RUN);
        assertThat(previous.path("latestRun").path("id").asString()).isEqualTo(UPLOAD_RUN);
        assertThat(previous.path("createdAt").asString()).isEqualTo("2024-11-26T13:05:25.547948Z");
        assertThat(current.path("id").path("namespace").asString()).isEqualTo("airflow");
        assertThat(current.path("id").path("name").asString()).isEqualTo("BQ.upload");
        assertThat(current.path("id").path("version").asString())
                .isEqualTo(current.path("version").asString())
                .isNotEqualTo(previous.path("version").asString());
        assertThat(UUID.fromString(current.path("version").asString())).isNotNull();
        assertThat(current.path("facets").has("jobType")).isTrue();

        JsonNode firstOnly = get(VERSIONS + "?limit=1&offset=1", "JobVersionList");
        assertThat(firstOnly.path("totalCount").asLong()).isEqualTo(2);
        assertThat(firstOnly.get("versions")).hasSize(1);
        assertThat(firstOnly.get("versions").get(0).path("version").asString())
                .isEqualTo(previous.path("version").asString());
    }

    @Test
    void answersOneVersionByItsIdAnd404ForAnIdThatIsNoneOfTheJobs() {
        JsonNode versions = get(VERSIONS, "JobVersionList").get("versions");
        String previous = versions.get(1).path("version").asString();

        JsonNode version = get(VERSIONS + "/" + previous, "JobVersion");
        assertThat(version.path("version").asString()).isEqualTo(previous);
        assertThat(names(version.get("inputs"))).containsExactly("copied.csv", "test.csv");
        assertThat(version.path("latestRun").path("id").asString()).isEqualTo(UPLOAD_RUN);

        JsonNode unknown = answer(VERSIONS + "/" + UUID.randomUUID(), 404);
        assertThat(unknown.path("code").asInt()).isEqualTo(404);
        assertThat(unknown.path("message").asString()).contains("not found");
        assertThat(answer(VERSIONS + "/not-a-version", 404).path("code").asInt())
                .isEqualTo(404);
        // Another job's version is not this job's.
        assertThat(answer("/api/v1/namespaces/airflow/jobs/BQ.copy/versions/" + previous, 404)
                        .path("code")
                        .asInt())
                .isEqualTo(404);
        assertThat(answer("/api/v1/namespaces/airflow/jobs/nope/versions", 404)
                        .path("code")
                        .asInt())
                .isEqualTo(404);
    }

    @Test
    void theJobAndItsRunsNameTheirVersionsAndTheJobListsItsCurrentInputsOnly() {
        JsonNode versions = get(VERSIONS, "JobVersionList").get("versions");

        JsonNode job = get("/api/v1/namespaces/airflow/jobs/BQ.upload", "Job");
        assertThat(job.path("currentVersion").asString())
                .isEqualTo(versions.get(0).path("version").asString());
        assertThat(names(job.get("inputs"))).containsExactly("test.csv");
        assertThat(job.path("latestRun").path("id").asString()).isEqualTo(NEXT_UPLOAD_RUN);

        JsonNode first = get("/api/v1/jobs/runs/" + UPLOAD_RUN, "Run");
        assertThat(first.path("jobVersion").path("version").asString())
                .isEqualTo(versions.get(1).path("version").asString());
        JsonNode next = get("/api/v1/jobs/runs/" + NEXT_UPLOAD_RUN, "Run");
        assertThat(next.path("jobVersion").path("version").asString())
                .isEqualTo(versions.get(0).path("version").asString());
    }

    @Test
    void lineageOfTheDroppedInputNoLongerShowsTheJob() {
        JsonNode graph = get("/api/v1/lineage?nodeId=dataset:gs://mock-bucket:copied.csv&depth=5", "LineageGraph");

        var ids = new ArrayList<String>();
        graph.get("graph").forEach(node -> ids.add(node.path("id").asString()));
        assertThat(ids).contains("dataset:gs://mock-bucket:copied.csv").doesNotContain("job:airflow:BQ.upload");

        JsonNode kept = get("/api/v1/lineage?nodeId=dataset:gs://mock-bucket:test.csv&depth=1", "LineageGraph");
        var keptIds = new ArrayList<String>();
        kept.get("graph").forEach(node -> keptIds.add(node.path("id").asString()));
        assertThat(keptIds).contains("job:airflow:BQ.upload");
    }

    private static List<String> names(JsonNode datasets) {
        var names = new ArrayList<String>();
        datasets.forEach(d -> names.add(d.path("name").asString()));
        return names;
    }
}
