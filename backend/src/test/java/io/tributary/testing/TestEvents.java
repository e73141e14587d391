package io.tributary.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Minimal valid OpenLineage run events built in tests, for graphs with known times, durations and schemas. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRODUCER = "https://github.com/tributary/tests";

    private final ObjectNode event = JSON.createObjectNode();

    private TestEvents(String eventType, String runId, String namespace, String job, String eventTime) {
        event.put("eventType", eventType);
        event.put("eventTime", eventTime);
        event.put("producer", PRODUCER);
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        event.putObject("run").put("runId", runId).putObject("facets");
        event.putObject("job").put("namespace", namespace).put("name", job).putObject("facets");
        event.putArray("inputs");
        event.putArray("outputs");
    }

    /** A run event of {@code eventType} (START, COMPLETE, FAIL, ...) at {@code eventTime} (RFC 3339). */
    public static TestEvents run(String eventType, String runId, String namespace, String job, String eventTime) {
        return new TestEvents(eventType, runId, namespace, job, eventTime);
    }

    /** Adds an output dataset with a schema facet; {@code fieldsJson} is the facet's {@code fields} array. */
    public TestEvents output(String namespace, String name, String fieldsJson) {
        dataset((ArrayNode) event.get("outputs"), namespace, name, fieldsJson);
        return this;
    }

    /** Adds an input dataset with a schema facet; {@code fieldsJson} is the facet's {@code fields} array. */
    public TestEvents input(String namespace, String name, String fieldsJson) {
        dataset((ArrayNode) event.get("inputs"), namespace, name, fieldsJson);
        return this;
    }

    /** Adds a parent facet: this run belongs to run {@code runId} of job {@code namespace}/{@code job}. */
    public TestEvents parent(String runId, String namespace, String job) {
        ObjectNode parent = ((ObjectNode) event.get("run").get("facets")).putObject("parent");
        parent.put("_producer", PRODUCER)
                .put(
                        "_schemaURL",
                        "https://openlineage.io/spec/facets/1-1-0/ParentRunFacet.json#/$defs/ParentRunFacet");
        parent.putObject("run").put("runId", runId);
        parent.putObject("job").put("namespace", namespace).put("name", job);
        return this;
    }

    public String json() {
        return event.toString();
    }

    private static void dataset(ArrayNode into, String namespace, String name, String fieldsJson) {
        ObjectNode dataset = into.addObject().put("namespace", namespace).put("name", name);
        ObjectNode facets = dataset.putObject("facets");
        if (fieldsJson != null) {
            JsonNode fields = JSON.readTree(fieldsJson);
            facets.putObject("schema")
                    .put("_producer", PRODUCER)
                    .put(
                            "_schemaURL",
                            "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet")
                    .set("fields", fields);
        }
    }
}
