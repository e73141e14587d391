package io.tributary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real OpenLineage events copied byte for byte from public repositories into
 * {@code src/test/resources/openlineage-events/} (see its README for what each exercises).
 */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    /** The file as it is, e.g. {@code spark/compat-tests-cll/5.json}. */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/openlineage-events/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events of a file with what the README calls matchers filled in: a run id or parent run id that is not a UUID
     * (such as {@code {{ any(result) }}}) becomes {@link #runId}{@code (salt, job)} of its job, so each job has one
     * run and a parent facet points at its parent job's run; a missing eventTime becomes {@code time}.
     */
    public static List<String> filled(String path, String salt, String time) {
        var events = new ArrayList<String>();
        for (String text : events(path)) {
            ObjectNode event = (ObjectNode) JSON.readTree(text);
            ObjectNode run = (ObjectNode) event.path("run");
            if (!isUuid(run.path("runId").asString(""))) {
                run.put("runId", runId(salt, event.path("job")));
            }
            JsonNode parent = run.path("facets").path("parent");
            if (parent.isObject() && !isUuid(parent.path("run").path("runId").asString(""))) {
                ((ObjectNode) parent.path("run")).put("runId", runId(salt, parent.path("job")));
            }
            if (!event.has("eventTime")) {
                event.put("eventTime", time);
            }
            events.add(event.toString());
        }
        return events;
    }

    /** The run id {@link #filled} gives the runs of a job. */
    public static String runId(String salt, String jobNamespace, String jobName) {
        return UUID.nameUUIDFromBytes((salt + "|" + jobNamespace + "|" + jobName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String runId(String salt, JsonNode job) {
        return runId(salt, job.path("namespace").asString(), job.path("name").asString());
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A value inside a fixture, e.g. {@code at("spark/compat-tests-cll/8.json", "run", "facets", "parent")}: object
     * keys and array indexes, parsed into maps, lists and scalars as the GraphQL JSON scalar returns them.
     */
    public static Object at(String path, String... keys) {
        Object node = JSON.readValue(text(path), Object.class);
        for (String key : keys) {
            node = node instanceof List<?> list
                    ? list.get(Integer.parseInt(key))
                    : ((java.util.Map<?, ?>) node).get(key);
        }
        return node;
    }

    /** The events of a file that holds one event or a JSON array of events, each as compact JSON text. */
    public static List<String> events(String path) {
        JsonNode root = JSON.readTree(text(path));
        var events = new ArrayList<String>();
        if (root.isArray()) {
            root.forEach(e -> events.add(e.toString()));
        } else {
            events.add(root.toString());
        }
        return events;
    }
}
