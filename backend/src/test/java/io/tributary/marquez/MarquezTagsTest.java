package io.tributary.marquez;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marquez's tag endpoints and deletes over the tagged DAG of {@code facets/} (its dataset and job carry tags facets):
 * tags set through Marquez are Tributary's tags, beside the facet's, every answer validated against Marquez's OpenAPI
 * description.
 */
class MarquezTagsTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DB = "postgres%3A%2F%2Fdb.finance.example%3A5432";
    private static final String ORDERS = "/api/v1/namespaces/" + DB + "/datasets/warehouse.public.orders";
    private static final String EXTRACT = "/api/v1/namespaces/airflow-finance/jobs/finance_dag.extract_orders";

    @BeforeEach
    void ingestTaggedDag() {
        postAll(Fixtures.events("facets/tags-catalog-job-dependencies.json"));
    }

    /** Sends a request (path already encoded) with the write key; the answer, validated against the component. */
    private JsonNode send(HttpMethod method, String path, Object body, int status, String component) {
        var request = web.method(method)
                .uri(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + API_KEY)
                .accept(MediaType.APPLICATION_JSON);
        var spec = body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
        byte[] answer = spec.expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode json = JSON.readTree(answer);
        if (component != null) {
            assertThat(MarquezSchemas.violations(component, json))
                    .as("%s %s against %s", method, path, component)
                    .isEmpty();
        }
        return json;
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> fieldTags(JsonNode dataset, String field) {
        for (JsonNode f : dataset.path("fields")) {
            if (f.path("name").asString().equals(field)) {
                return strings(f.path("tags"));
            }
        }
        throw new AssertionError("no field " + field);
    }

    @Test
    void tagsSetThroughMarquezAreTributaryTagsBesideTheFacets() {
        JsonNode dataset = send(HttpMethod.POST, ORDERS + "/tags/SENSITIVE", null, 200, "Dataset");
        assertThat(strings(dataset.path("tags"))).containsExactly("classification:confidential", "SENSITIVE");

        dataset = send(HttpMethod.POST, ORDERS + "/fields/email/tags/GDPR", null, 200, "Dataset");
        assertThat(fieldTags(dataset, "email")).containsExactly("pii", "GDPR");
        assertThat(fieldTags(dataset, "id")).isEmpty();

        JsonNode job = send(HttpMethod.POST, EXTRACT + "/tags/CRITICAL", null, 200, "Job");
        assertThat(strings(job.path("tags"))).containsExactly("team:payments", "tier:gold", "CRITICAL");

        JsonNode described = send(
                HttpMethod.PUT, "/api/v1/tags/SENSITIVE", Map.of("description", "Contains sensitive data"), 200, "Tag");
        assertThat(described.path("name").asString()).isEqualTo("SENSITIVE");
        send(HttpMethod.PUT, "/api/v1/tags/UNUSED", Map.of("description", "Described, on nothing yet"), 200, "Tag");

        JsonNode all = send(HttpMethod.GET, "/api/v1/tags", null, 200, "TagList");
        var names = new ArrayList<String>();
        all.path("tags").forEach(t -> names.add(t.path("name").asString()));
        assertThat(names)
                .containsExactly(
                        "CRITICAL",
                        "GDPR",
                        "SENSITIVE",
                        "UNUSED",
                        "classification:confidential",
                        "pii",
                        "sensitivity:high",
                        "team:payments",
                        "tier:gold");
        assertThat(all.path("tags").get(2).path("description").asString()).isEqualTo("Contains sensitive data");

        // The same tags through GraphQL and search.
        graphQl.document("""
                        query {
                          dataset(namespace: "postgres://db.finance.example:5432", name: "warehouse.public.orders") {
                            taggings { tag fromFacet byHand } fields { name tags }
                          }
                        }""").execute().path("dataset").matchesJsonStrictly("""
                        { "taggings": [ { "tag": "classification:confidential", "fromFacet": true, "byHand": false },
                                        { "tag": "SENSITIVE", "fromFacet": false, "byHand": true } ],
                          "fields": [ { "name": "id", "tags": [] }, { "name": "email", "tags": ["pii", "GDPR"] },
                                      { "name": "amount", "tags": ["sensitivity:high"] } ] }""");
        assertThat(graphQl.document("query { search(query: \"gdpr\") { kind name } }")
                        .execute()
                        .path("search")
                        .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                        .get())
                .containsExactly(Map.of("kind", "DATASET", "name", "warehouse.public.orders"));

        dataset = send(HttpMethod.DELETE, ORDERS + "/tags/SENSITIVE", null, 200, "Dataset");
        assertThat(strings(dataset.path("tags"))).containsExactly("classification:confidential");
        dataset = send(HttpMethod.DELETE, ORDERS + "/fields/email/tags/GDPR", null, 200, "Dataset");
        assertThat(fieldTags(dataset, "email")).containsExactly("pii");
        job = send(HttpMethod.DELETE, EXTRACT + "/tags/CRITICAL", null, 200, "Job");
        assertThat(strings(job.path("tags"))).containsExactly("team:payments", "tier:gold");
        // A tag the facet set stays when removed by hand (the facet would send it again).
        dataset = send(HttpMethod.DELETE, ORDERS + "/tags/classification:confidential", null, 200, "Dataset");
        assertThat(strings(dataset.path("tags"))).containsExactly("classification:confidential");
    }

    @Test
    void tagWritesNeedTheWriteKeyAndAnswerMarquez404ForUnknownNames() {
        web.post()
                .uri(URI.create("http://localhost:" + port + ORDERS + "/tags/SENSITIVE"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.put()
                .uri(URI.create("http://localhost:" + port + "/api/v1/tags/SENSITIVE"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "x"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        JsonNode missing =
                send(HttpMethod.POST, "/api/v1/namespaces/" + DB + "/datasets/nowhere/tags/SENSITIVE", null, 404, null);
        assertThat(missing.path("code").asInt()).isEqualTo(404);
        assertThat(missing.path("message").asString()).contains("nowhere");
        send(HttpMethod.POST, ORDERS + "/fields/no_such_column/tags/PII", null, 404, null);
        send(HttpMethod.POST, "/api/v1/namespaces/airflow-finance/jobs/nowhere/tags/X", null, 404, null);

        JsonNode dataset = send(HttpMethod.GET, ORDERS, null, 200, "Dataset");
        assertThat(strings(dataset.path("tags"))).containsExactly("classification:confidential");
    }

    @Test
    void marquezDeletesOfDatasetsAndJobsAreSoftDeletes() {
        long nodes = countNodes();
        assertThat(send(HttpMethod.DELETE, ORDERS, null, 200, null).path("kind").asString())
                .isEqualTo("DATASET");
        assertThat(send(HttpMethod.DELETE, EXTRACT, null, 200, null)
                        .path("kind")
                        .asString())
                .isEqualTo("JOB");

        // Gone from the lists and from lookups by name; nothing is removed from the graph.
        JsonNode datasets = send(HttpMethod.GET, "/api/v1/namespaces/" + DB + "/datasets", null, 200, "DatasetList");
        assertThat(datasets.path("totalCount").asLong()).isZero();
        // As Marquez hides a soft-deleted dataset, a deleted one answers 404 by name, in Marquez's shape.
        assertThat(send(HttpMethod.GET, ORDERS, null, 404, null).path("code").asInt())
                .isEqualTo(404);
        JsonNode jobs = send(HttpMethod.GET, "/api/v1/namespaces/airflow-finance/jobs", null, 200, "JobList");
        var names = new ArrayList<String>();
        jobs.path("jobs").forEach(j -> names.add(j.path("name").asString()));
        assertThat(names).containsExactly("finance_dag.load_orders", "finance_dag.report_orders");
        assertThat(single("MATCH (d:Dataset {name: 'warehouse.public.orders'}) RETURN d.deleted IS NOT NULL"))
                .isEqualTo(true);
        assertThat(countNodes()).isEqualTo(nodes);
        // Deleted, its tags leave the tag list.
        JsonNode all = send(HttpMethod.GET, "/api/v1/tags", null, 200, "TagList");
        assertThat(all.path("tags")).isEmpty();
    }
}
