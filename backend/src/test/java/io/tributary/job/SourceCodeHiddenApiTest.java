package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** By default no read path returns a job's source code: the Airflow Python DAG (line_09..12) sends it. */
class SourceCodeHiddenApiTest extends EndToEndTest {

    static final String TASK_RUN = "01936894-494e-7c48-be1c-4a3656eb1868";

    /** Every field that could carry the sourceCode facet. */
    static final String EVERY_PATH = """
            query($runId: ID!) {
              job(namespace: "airflow", name: "dag.task_0") { sourceCode { hidden language code } facets }
              dag: job(namespace: "airflow", name: "dag") { sourceCode { hidden } }
              run(id: $runId) { jobFacets facets }
              events(runId: $runId) { edges { node { event } } }
            }""";

    @BeforeEach
    void ingestThePythonDag() {
        for (int i = 9; i <= 12; i++) {
            post(Fixtures.text("airflow/compat-tests-python-dag/line_" + (i < 10 ? "0" : "") + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void saysTheSourceCodeIsHiddenAndGivesOnlyItsLanguage() {
        var response = graphQl.document(EVERY_PATH).variable("runId", TASK_RUN).execute();
        response.path("job.sourceCode").matchesJsonStrictly("""
                { "hidden": true, "language": "bash", "code": null }""");
        response.path("dag.sourceCode").valueIsNull();
        response.path("job.facets")
                .entity(Map.class)
                .satisfies(facets -> assertThat(facets).containsOnlyKeys("jobType", "ownership"));
        response.path("run.jobFacets")
                .entity(Map.class)
                .satisfies(facets -> assertThat(facets).containsOnlyKeys("jobType", "ownership"));
        response.path("run.facets")
                .entity(Map.class)
                .satisfies(facets -> assertThat(facets)
                        .containsOnlyKeys(
                                "airflow", "nominalTime", "parent", "processing_engine", "unknownSourceAttribute"));
    }

    @Test
    void leavesTheCodeOutOfEveryResponseIncludingTheRawArchive() {
        String body = web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", EVERY_PATH, "variables", Map.of("runId", TASK_RUN)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("\"hidden\":true").contains("\"event\"").doesNotContain("exit 0;");
        // The code is stored all the same: turning exposure on needs no re-ingest.
        assertThat(query("MATCH (j:Job {name: 'dag.task_0'}) RETURN j.sourceCode AS code"))
                .containsExactly(Map.of("code", "exit 0;"));
    }
}
