package io.tributary.marquez;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates answers against the component schemas of Marquez's OpenAPI description ({@code schema/marquez/openapi.yml})
 * with networknt's OpenAPI 3.0 dialect. The adjustments Marquez's own answers need are those listed in
 * {@code schema/marquez/README.md}: nulls dropped, a lineage node's data validated by its type, DATASET_FIELD nodes.
 */
final class MarquezSchemas {

    private static final String IRI = "https://tributary.test/marquez/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = registry();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private MarquezSchemas() {}

    /** The violations of {@code body} against the named component schema, with nodes' data checked by type. */
    static List<String> violations(String component, JsonNode body) {
        JsonNode stripped = withoutNulls(body);
        var errors = new ArrayList<String>();
        schema(component).validate(stripped).stream().map(Error::toString).forEach(errors::add);
        if (component.equals("LineageGraph") && stripped.get("graph") instanceof ArrayNode nodes) {
            for (JsonNode node : nodes) {
                String type = node.path("type").asString();
                String data = switch (type) {
                    case "DATASET" -> "Dataset";
                    case "JOB" -> "Job";
                    default -> null;
                };
                if (data != null) {
                    schema(data).validate(node.get("data")).stream()
                            .map(e -> node.path("id").asString() + ": " + e)
                            .forEach(errors::add);
                }
            }
        }
        return errors;
    }

    private static Schema schema(String component) {
        return SCHEMAS.computeIfAbsent(
                component, c -> REGISTRY.getSchema(SchemaLocation.of(IRI + "#/components/schemas/" + c)));
    }

    private static SchemaRegistry registry() {
        ObjectNode description;
        try (InputStream in = MarquezSchemas.class.getResourceAsStream("/schema/marquez/openapi.yml")) {
            description = (ObjectNode) YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode schemas = (ObjectNode) description.path("components").path("schemas");
        // A node's data is checked by its type (see violations); Marquez's column lineage has DATASET_FIELD nodes.
        ((ObjectNode) schemas.path("GraphNode").path("properties"))
                .set("data", JSON.createObjectNode().put("type", "object"));
        ((ArrayNode) schemas.path("NodeType").path("enum")).add("DATASET_FIELD");
        // SearchResult's name and updatedAt declare an empty type; FacetsResult's facets are a map of facets.
        ObjectNode result = (ObjectNode) schemas.path("SearchResult").path("properties");
        ((ObjectNode) result.path("name")).put("type", "string");
        ((ObjectNode) result.path("updatedAt")).put("type", "string").put("format", "date-time");
        ((ObjectNode) schemas.path("FacetsResult").path("properties"))
                .set("facets", JSON.createObjectNode().put("$ref", "#/components/schemas/RunFacets"));
        // DatasetVersion's tags are a list of tags (as Dataset's), and its description is null when a dataset has none.
        ObjectNode version = (ObjectNode) schemas.path("DatasetVersion");
        ((ObjectNode) version.path("properties"))
                .set(
                        "tags",
                        JSON.createObjectNode()
                                .put("type", "array")
                                .set("items", JSON.createObjectNode().put("type", "string")));
        ArrayNode required = (ArrayNode) version.path("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asString().equals("description")) {
                required.remove(i);
            }
        }
        String text = JSON.writeValueAsString(description);
        return SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(IRI, text)));
    }

    /** Marquez answers null for unset fields, which the description (declaring nothing nullable) does not allow. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(entry -> {
                if (!entry.getValue().isNull()) {
                    copy.set(entry.getKey(), withoutNulls(entry.getValue()));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }
}
