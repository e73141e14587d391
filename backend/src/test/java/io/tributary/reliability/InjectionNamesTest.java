package io.tributary.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names that look like Cypher or GraphQL are valid names: they are stored and answered verbatim (statements take
 * parameters only), and nothing else in the graph is touched.
 */
class InjectionNamesTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = Fixtures.text("spec-examples/python_client__example_full_event.json");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x'}) DETACH DELETE n //",
                "x\"}) MATCH (n) DETACH DELETE n //",
                "x` DETACH DELETE n //",
                "x'}) WITH 1 AS a MATCH (n) SET n.name = 'pwned' //",
                "$rows) MERGE (:Job {name: 'injected'}) //",
                "\\u0027}) CALL db.clearQueryCaches() //",
                "x\" } mutation { deleteJob(name: \"y\") } #",
                "{ __schema { types { name } } }",
                "x\") { id } } query q { jobs(first: 100000) { totalCount } } #",
                "../../etc/passwd",
                "<script>alert(1)</script>",
                "'; DROP TABLE jobs; --"
            })
    void aNameMadeOfCypherOrGraphQlIsStoredVerbatimAndDeletesNothing(String name) {
        post(MalformedRequests.SPARK).expectStatus().isCreated();
        List<String> before = canonicalGraph();

        var event = (ObjectNode) JSON.readTree(CLIENT);
        ((ObjectNode) event.get("run")).put("runId", UUID.randomUUID().toString());
        ((ObjectNode) event.get("job")).put("name", name);
        ((ObjectNode) event.withArray("outputs").get(0)).put("name", name);
        post(event.toString()).expectStatus().isCreated();

        assertThat(canonicalGraph())
                .as("everything there before is still there")
                .containsAll(before);
        assertThat(single(
                        "MATCH (j:Job {namespace: $namespace, name: $name}) RETURN count(j)",
                        Map.of("namespace", event.path("job").path("namespace").asString(), "name", name)))
                .isEqualTo(1L);
        assertThat(single(
                        "MATCH (d:Dataset {namespace: 'my-datasource-namespace', name: $name}) RETURN count(d)",
                        Map.of("name", name)))
                .isEqualTo(1L);
        assertThat(single("MATCH (j:Job) WHERE j.name IN ['injected', 'pwned'] RETURN count(j)"))
                .isEqualTo(0L);
        graphQl.document("query($ns: String!, $name: String!) { job(namespace: $ns, name: $name) { name } }")
                .variable("ns", event.path("job").path("namespace").asString())
                .variable("name", name)
                .execute()
                .path("job.name")
                .entity(String.class)
                .isEqualTo(name);
    }
}
