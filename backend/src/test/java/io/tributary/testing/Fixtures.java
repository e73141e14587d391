package io.tributary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real OpenLineage events copied byte for byte from public repositories into
 * {@code src/test/resources/openlineage-events/} (see its README for what each exercises).
 */
public final class Fixtures {

    /** The value given to matcher placeholders that are not run ids (such as an adapter version). */
    public static final String FILLED = "filled-by-test";

    /** The producer given to partial events that have none. */
    public static final String TEST_PRODUCER = "https://tributary.dev/tests";

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

    /** Each of the files as it is, in the order given. */
    public static List<String> texts(String... paths) {
        return java.util.Arrays.stream(paths).map(Fixtures::text).toList();
    }

    /**
     * Makes matcher-bearing or partial events ingestible: every run id that is a placeholder or missing becomes one
     * generated UUID per job (so a run's START and COMPLETE agree and a child's {@code parent} facet points at its
     * parent's run), a missing {@code eventTime} becomes {@code eventTime}, a missing {@code producer} becomes
     * {@link #TEST_PRODUCER}, and any other placeholder string becomes {@link #FILLED}.
     */
    public static Filled fill(List<String> events, String eventTime) {
        var runIds = new LinkedHashMap<String, UUID>();
        var filled = fill(events, eventTime, job -> runIds.computeIfAbsent(jobKey(job), k -> UUID.randomUUID()));
        return new Filled(filled, Map.copyOf(runIds));
    }

    private static List<String> fill(List<String> events, String eventTime, Function<JsonNode, UUID> runIdOfJob) {
        var filled = new ArrayList<String>();
        for (String text : events) {
            var event = (ObjectNode) JSON.readTree(text);
            JsonNode job = event.path("job");
            if (event.has("run")) {
                var run = (ObjectNode) event.get("run");
                if (isPlaceholder(run.get("runId"))) {
                    run.put("runId", runIdOfJob.apply(job).toString());
                }
                JsonNode parent = run.path("facets").path("parent");
                if (parent.isObject() && isPlaceholder(parent.path("run").get("runId"))) {
                    ((ObjectNode) parent.get("run"))
                            .put("runId", runIdOfJob.apply(parent.path("job")).toString());
                }
            }
            if (!event.has("eventTime") && eventTime != null) {
                event.put("eventTime", eventTime);
            }
            if (!event.has("producer")) {
                event.put("producer", TEST_PRODUCER);
            }
            replacePlaceholders(event);
            filled.add(event.toString());
        }
        return List.copyOf(filled);
    }

    /** {@link #fill(List, String)} for events that all carry their event time. */
    public static Filled fill(List<String> events) {
        return fill(events, null);
    }

    /**
     * Events whose placeholders were filled.
     *
     * @param runIds the run id generated for each job, keyed by {@code namespace/name}
     */
    public record Filled(List<String> events, Map<String, UUID> runIds) {

        /** The run id generated for the job. */
        public String runId(String namespace, String name) {
            UUID id = runIds.get(namespace + "/" + name);
            if (id == null) {
                throw new IllegalArgumentException("No run id was generated for " + namespace + "/" + name);
            }
            return id.toString();
        }
    }

    /** The events as one JSON array, the body of the batch endpoint. */
    public static String array(List<String> events) {
        return "[" + String.join(",", events) + "]";
    }

    private static String jobKey(JsonNode job) {
        return job.path("namespace").asString() + "/" + job.path("name").asString();
    }

    private static boolean isPlaceholder(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return true;
        }
        if (!value.isString()) {
            return false;
        }
        String text = value.asString();
        return (text.startsWith("{{") && text.endsWith("}}")) || text.startsWith("${json-unit.");
    }

    private static void replacePlaceholders(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString() && isPlaceholder(value)) {
                    object.put(name, FILLED);
                } else {
                    replacePlaceholders(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isString() && isPlaceholder(array.get(i))) {
                    array.set(i, FILLED);
                } else {
                    replacePlaceholders(array.get(i));
                }
            }
        }
    }

    /**
     * The events of a file with their placeholders filled as {@link #fill(List, String)} does, except that each job's
     * run id is {@link #runId}{@code (salt, job)}, so a test knows it in advance; a missing eventTime becomes
     * {@code time}.
     */
    public static List<String> filled(String path, String salt, String time) {
        return fill(events(path), time, job -> UUID.fromString(runId(salt, job)));
    }

    /** The run id {@link #filled} gives the runs of a job. */
    public static String runId(String salt, String jobNamespace, String jobName) {
        return UUID.nameUUIDFromBytes((salt + "|" + jobNamespace + "|" + jobName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String runId(String salt, JsonNode job) {
        return runId(salt, job.path("namespace").asString(), job.path("name").asString());
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

    /**
     * A Spark CTAS fixture event (spark/compat-tests-cll/5..8) re-sent as another run of the same job: cll_source1
     * no longer read, the output schema changed (trans dropped, agg now double, extra added) and SQL reported.
     */
    public static String sparkCtasRerun(String fixture, String eventTime, String runId) {
        var event = (ObjectNode) JSON.readTree(Fixtures.text(fixture));
        event.put("eventTime", eventTime);
        ((ObjectNode) event.get("run")).put("runId", runId);
        var inputs = (ArrayNode) event.get("inputs");
        for (int i = inputs.size() - 1; i >= 0; i--) {
            if (inputs.get(i).get("name").asString().endsWith("cll_source1")) {
                inputs.remove(i);
            }
        }
        var fields = (ArrayNode)
                event.get("outputs").get(0).get("facets").get("schema").get("fields");
        for (int i = fields.size() - 1; i >= 0; i--) {
            var field = (ObjectNode) fields.get(i);
            switch (field.get("name").asString()) {
                case "trans" -> fields.remove(i);
                case "agg" -> field.put("type", "double");
                default -> {}
            }
        }
        fields.addObject().put("name", "extra").put("type", "string");
        ((ObjectNode) event.get("job").get("facets"))
                .putObject("sql")
                .put("_producer", event.get("producer").asString())
                .put("_schemaURL", "https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/SQLJobFacet")
                .put("query", "CREATE TABLE tbl1 AS SELECT ...");
        return event.toString();
    }
}
