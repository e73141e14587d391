package io.tributary.ingest;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which kind of operation a GraphQL request runs, for the key checks (execution validates the document itself). */
final class GraphQlOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlOperations() {}

    /**
     * True when the operation to run is a mutation; when the document names several and the request none, any
     * mutation among them counts (the strictest reading). False for a document that does not parse.
     */
    static boolean isMutation(String document, String operationName) {
        List<OperationDefinition> operations;
        try {
            operations = Parser.parse(document).getDefinitionsOfType(OperationDefinition.class);
        } catch (RuntimeException e) {
            return false;
        }
        return operations.stream()
                .filter(o -> operationName == null || operationName.equals(o.getName()))
                .anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION);
    }

    /** The same for a raw {@code POST /graphql} JSON body ({@code {"query": ..., "operationName": ...}}). */
    static boolean isMutation(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            JsonNode name = request.path("operationName");
            return request.path("query").isString()
                    && isMutation(request.path("query").asString(), name.isString() ? name.asString() : null);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
