package io.tributary.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

/** Parsed and validated documents are reused across requests without changing any answer or refusal. */
class CachedDocumentsTest extends EndToEndTest {

    private static final String DATASET =
            "query($ns: String!, $name: String!) { dataset(namespace: $ns, name: $name) { name } }";

    @Autowired
    CachedDocuments documents;

    @Test
    void oneCachedDocumentAnswersEachRequestWithItsOwnVariables() {
        post(event("cache_a")).expectStatus().isCreated();
        post(event("cache_b")).expectStatus().isCreated();
        long before = documents.size();

        for (String name : new String[] {"cache_a", "cache_b", "cache_a"}) {
            graphQl.document(DATASET)
                    .variable("ns", "cache-test")
                    .variable("name", name)
                    .execute()
                    .path("dataset.name")
                    .entity(String.class)
                    .isEqualTo(name);
        }
        graphQl.document(DATASET)
                .variable("ns", "cache-test")
                .variable("name", "never_seen")
                .execute()
                .path("dataset")
                .valueIsNull();

        assertThat(documents.size()).isEqualTo(before + 1);
    }

    @Test
    void anInvalidDocumentIsRefusedEveryTimeAndNotKept() {
        String invalid = "{ dataset(namespace: \"x\", name: \"y\") { noSuchField } }";
        long before = documents.size();
        for (int i = 0; i < 2; i++) {
            graphQl.document(invalid)
                    .execute()
                    .errors()
                    .expect(e -> e.getErrorType() == graphql.ErrorType.ValidationError
                            && e.getMessage().contains("noSuchField"))
                    .verify()
                    .path("dataset")
                    .pathDoesNotExist();
        }
        assertThat(documents.size()).isEqualTo(before);
    }

    @Test
    void theDepthLimitStillRefusesADocumentOnceItIsKept() {
        // Valid, so it is kept after the first request; the depth limit is checked per execution, not per parse.
        String deep = "{ run(id: \"x\") { " + "parent { ".repeat(15) + "id" + " }".repeat(15) + " } }";
        for (int i = 0; i < 2; i++) {
            graphQl.document(deep)
                    .execute()
                    .errors()
                    .expect(e -> e.getMessage().contains("maximum query depth exceeded"))
                    .verify()
                    .path("run")
                    .pathDoesNotExist();
        }
    }

    @Test
    void aBadArgumentIsStillATypedErrorOnTheCachedDocument() {
        String lineage = "query($node: NodeRef!) { lineage(node: $node) { truncated } }";
        for (String ns : new String[] {"cache-test", "cache-test-2"}) {
            graphQl.document(lineage)
                    .variable("node", java.util.Map.of("kind", "FIELD", "namespace", ns, "name", "t"))
                    .execute()
                    .errors()
                    .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST)
                    .verify();
        }
    }

    private static String event(String output) {
        return """
                {"eventType":"COMPLETE","eventTime":"2026-01-01T00:00:00Z",
                 "run":{"runId":"%s"},
                 "job":{"namespace":"cache-test","name":"writer_%s"},
                 "inputs":[],
                 "outputs":[{"namespace":"cache-test","name":"%s"}],
                 "producer":"https://tributary.dev/tests",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}""".formatted(java.util.UUID.nameUUIDFromBytes(output.getBytes()), output, output);
    }
}
