package io.tributary.reliability;

import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Distinct, real-shaped run events: real Spark, Airflow and client fixtures, each copy with a fresh run id, so that
 * every acknowledged event can be found again by its run.
 */
final class GeneratedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TEMPLATES = Fixtures.fill(Fixtures.texts(
                    "spark/compat-tests-cll/1.json",
                    "spark/compat-tests-cll/2.json",
                    "spark/compat-tests-cll/3.json",
                    "spark/compat-tests-cll/8.json",
                    "spark/compat-tests-cll/9.json",
                    "airflow/compat-tests-python-dag/line_09.json",
                    "airflow/compat-tests-python-dag/line_12.json",
                    "spec-examples/python_client__example_full_event.json"))
            .events();

    private final AtomicLong next = new AtomicLong();

    /** The next event: template {@code n mod templates}, its run id replaced by a new UUID. */
    Generated next() {
        long n = next.getAndIncrement();
        var event = (ObjectNode) JSON.readTree(TEMPLATES.get((int) (n % TEMPLATES.size())));
        String runId = UUID.randomUUID().toString();
        ((ObjectNode) event.get("run")).put("runId", runId);
        return new Generated(event.toString(), expected(event));
    }

    /** What the graph must show for one run event that is its run's only event. */
    static Map<String, Object> expected(String json) {
        return expected(JSON.readTree(json));
    }

    private static Map<String, Object> expected(JsonNode event) {
        return Map.of(
                "runId", event.path("run").path("runId").asString(),
                "namespace", event.path("job").path("namespace").asString(),
                "name", event.path("job").path("name").asString(),
                "state", state(event.path("eventType").asString("")),
                "inputs", datasets(event.path("inputs")),
                "outputs", datasets(event.path("outputs")));
    }

    /** Template {@code template} as an event of the given run, type and time. */
    static String event(int template, String runId, String eventType, String eventTime) {
        var event = (ObjectNode) JSON.readTree(TEMPLATES.get(template % TEMPLATES.size()));
        ((ObjectNode) event.get("run")).put("runId", runId);
        event.put("eventType", eventType);
        event.put("eventTime", eventTime);
        return event.toString();
    }

    static int templates() {
        return TEMPLATES.size();
    }

    /** The run state one event of this type leaves a run in that has no other events. */
    private static String state(String eventType) {
        return switch (eventType) {
            case "COMPLETE" -> "COMPLETED";
            case "FAIL" -> "FAILED";
            case "ABORT" -> "ABORTED";
            default -> "RUNNING";
        };
    }

    private static List<Map<String, String>> datasets(JsonNode array) {
        var keys = new ArrayList<Map<String, String>>();
        for (JsonNode dataset : array) {
            keys.add(Map.of(
                    "namespace", dataset.path("namespace").asString(),
                    "name", dataset.path("name").asString()));
        }
        return keys;
    }

    /**
     * One event and what the graph must show for it.
     *
     * @param expected runId, job namespace/name, state, inputs and outputs ({namespace, name} maps)
     */
    record Generated(String json, Map<String, Object> expected) {}
}
