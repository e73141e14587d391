package io.tributary.lineage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Hand-built OpenLineage run events for graphs the fixtures do not have; facets as the spec defines them. */
final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRODUCER = "https://tributary.dev/tests";

    private TestEvents() {}

    /** A run id that stays the same for the same label, so a run's START and COMPLETE match. */
    static String runId(String label) {
        return UUID.nameUUIDFromBytes(label.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String run(
            String eventType,
            String time,
            String runId,
            String jobNamespace,
            String jobName,
            Map<String, Object> jobFacets,
            List<Map<String, Object>> inputs,
            List<Map<String, Object>> outputs) {
        var event = new LinkedHashMap<String, Object>();
        event.put("eventType", eventType);
        event.put("eventTime", time);
        event.put("run", Map.of("runId", runId));
        event.put("job", Map.of("namespace", jobNamespace, "name", jobName, "facets", jobFacets));
        event.put("inputs", inputs);
        event.put("outputs", outputs);
        event.put("producer", PRODUCER);
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        return JSON.writeValueAsString(event);
    }

    static Map<String, Object> dataset(String namespace, String name, Map<String, Object> facets) {
        return Map.of("namespace", namespace, "name", name, "facets", facets);
    }

    static Map<String, Object> dataset(String namespace, String name) {
        return dataset(namespace, name, Map.of());
    }

    /** A schema facet from name/type pairs. */
    static Map<String, Object> schema(String... namesAndTypes) {
        var fields = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.add(Map.of("name", namesAndTypes[i], "type", namesAndTypes[i + 1]));
        }
        return Map.of("fields", fields);
    }

    static Map<String, Object> ownership(String... owners) {
        return Map.of(
                "owners",
                java.util.Arrays.stream(owners).map(o -> Map.of("name", o)).toList());
    }

    /** One input field of a columnLineage facet with one transformation. */
    static Map<String, Object> input(String namespace, String name, String field, String type, String subtype) {
        return Map.of(
                "namespace",
                namespace,
                "name",
                name,
                "field",
                field,
                "transformations",
                List.of(Map.of("type", type, "subtype", subtype, "masking", false)));
    }

    /** A columnLineage facet: output field to its input fields. */
    static Map<String, Object> columnLineage(Map<String, List<Map<String, Object>>> fields) {
        var out = new LinkedHashMap<String, Object>();
        fields.forEach((field, inputs) -> out.put(field, Map.of("inputFields", inputs)));
        return Map.of("fields", out);
    }
}
