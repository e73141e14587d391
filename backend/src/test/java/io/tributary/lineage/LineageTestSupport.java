package io.tributary.lineage;

import io.tributary.testing.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/** Queries and answer shapes shared by the lineage end-to-end tests. */
abstract class LineageTestSupport extends EndToEndTest {

    static final String LINEAGE = """
            query($node: NodeRef!, $direction: Direction, $depth: Int, $maxNodes: Int, $asOf: DateTime) {
              lineage(node: $node, direction: $direction, depth: $depth, maxNodes: $maxNodes, asOf: $asOf) {
                nodes { id kind namespace name distance }
                edges { from to }
                truncated
              }
            }""";

    static final String COLUMN_LINEAGE = """
            query($node: NodeRef!, $direction: Direction, $depth: Int, $maxNodes: Int, $asOf: DateTime) {
              columnLineage(node: $node, direction: $direction, depth: $depth, maxNodes: $maxNodes, asOf: $asOf) {
                nodes { id dataset field type distance }
                edges { from to transformation { type subtype description masking } }
                truncated
              }
            }""";

    record Node(String id, String kind, String namespace, String name, int distance) {}

    record Edge(String from, String to) {}

    record Column(String id, String dataset, String field, String type, int distance) {}

    record Transformation(String type, String subtype, String description, Boolean masking) {}

    record ColumnEdge(String from, String to, Transformation transformation) {}

    static Map<String, Object> ref(String kind, String namespace, String name) {
        return Map.of("kind", kind, "namespace", namespace, "name", name);
    }

    static Map<String, Object> field(String namespace, String dataset, String field) {
        return Map.of("kind", "FIELD", "namespace", namespace, "name", dataset, "field", field);
    }

    static Node dataset(String namespace, String name, int distance) {
        return new Node(NodeId.of(NodeKind.DATASET, namespace, name), "DATASET", namespace, name, distance);
    }

    static Node job(String namespace, String name, int distance) {
        return new Node(NodeId.of(NodeKind.JOB, namespace, name), "JOB", namespace, name, distance);
    }

    static Edge edge(Node from, Node to) {
        return new Edge(from.id(), to.id());
    }

    /** Runs a query whose answer should be the given error type, and returns nothing else. */
    void expectError(String document, Map<String, Object> variables, ErrorType type, String messagePart) {
        GraphQlTester.Request<?> request = graphQl.document(document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        request.execute()
                .errors()
                .expect(e -> e.getErrorType() == type && e.getMessage().contains(messagePart))
                .verify();
    }

    /** Posts events through the batch endpoint, as a client flushing its buffer would. */
    void postBatch(List<String> events) {
        web.post()
                .uri("/api/v1/lineage/batch")
                .header("Authorization", "Bearer " + API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + String.join(",", events) + "]")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.summary.failed")
                .isEqualTo(0);
    }
}
