package io.tributary.marquez;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Marquez-compatible API's tests: real fixtures in, answers read as JSON and validated against its description. */
abstract class MarquezApiSupport extends EndToEndTest {

    static final String DAG_RUN = "01936893-9751-7a91-a2a0-a51101a3970c";
    static final String UPLOAD_RUN = "01936893-9751-7b3c-8f76-8ac6d0e5f8a3";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NEXT_UPLOAD_RUN = "01936893-9751-7b3c-8f76-8ac6d0e5f8b4";

    void ingestAirflowDag() {
        for (int i = 1; i <= 8; i++) {
            post(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    /** BQ.upload's next run: line 3 of the DAG again, a day later, with a run id of its own. */
    static ObjectNode nextUploadRun() {
        var next = (ObjectNode) JSON.readTree(Fixtures.text("airflow/compat-tests-bq-dag/line_03.json"));
        next.put("eventTime", "2024-11-27T13:05:29.606867Z");
        ((ObjectNode) next.get("run")).put("runId", NEXT_UPLOAD_RUN);
        return next;
    }

    void ingestSparkColumnLineage() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    /** GETs a path exactly as written (already encoded) and returns the JSON answer after validating it. */
    JsonNode get(String pathAndQuery, String component) {
        JsonNode body = answer(pathAndQuery, 200);
        if (component != null) {
            assertThat(MarquezSchemas.violations(component, body))
                    .as("%s against %s", pathAndQuery, component)
                    .isEmpty();
        }
        return body;
    }

    JsonNode answer(String pathAndQuery, int status) {
        byte[] body = web.get()
                .uri(URI.create("http://localhost:" + port + pathAndQuery))
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    static List<String> texts(JsonNode array, String field) {
        var values = new ArrayList<String>();
        array.forEach(element -> values.add(element.path(field).asString()));
        return values;
    }
}
