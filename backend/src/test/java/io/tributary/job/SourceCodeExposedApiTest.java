package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With tributary.expose-source-code on (a context of its own), the source code is returned everywhere. */
@TestPropertySource(properties = "tributary.expose-source-code=true")
class SourceCodeExposedApiTest extends EndToEndTest {

    @BeforeEach
    void ingestThePythonDag() {
        for (int i = 9; i <= 12; i++) {
            post(Fixtures.text("airflow/compat-tests-python-dag/line_" + (i < 10 ? "0" : "") + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void returnsTheCodeWhenTheOperatorExposesIt() {
        var response = graphQl.document(SourceCodeHiddenApiTest.EVERY_PATH)
                .variable("runId", SourceCodeHiddenApiTest.TASK_RUN)
                .execute();
        response.path("job.sourceCode").matchesJsonStrictly("""
                { "hidden": false, "language": "bash", "code": "exit 0;" }""");
        response.path("dag.sourceCode").valueIsNull();
        response.path("job.facets.sourceCode.sourceCode").entity(String.class).isEqualTo("exit 0;");
        response.path("run.jobFacets")
                .entity(Map.class)
                .satisfies(facets -> assertThat(facets).containsOnlyKeys("jobType", "ownership", "sourceCode"));
        response.path("events.edges[0].node.event.job.facets.sourceCode.sourceCode")
                .entity(String.class)
                .isEqualTo("exit 0;");
    }
}
