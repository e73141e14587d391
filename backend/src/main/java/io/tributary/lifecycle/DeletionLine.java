package io.tributary.lifecycle;

import io.tributary.store.DriverValues;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A soft delete as one line of the NDJSON export: {@code {"tributaryDeletion": {"kind": "DATASET", "namespace": ..,
 * "name": .., "deletedAt": ..}}}. The export writes these after every event, so that a replay, which revives whatever
 * an event mentions, ends with the same nodes deleted. No OpenLineage event has this shape (an event needs eventTime,
 * run and job), so a line is one or the other.
 */
record DeletionLine(String kind, String namespace, String name, OffsetDateTime deletedAt) {

    static final String KEY = "tributaryDeletion";
    private static final byte[] MARKER = ("\"" + KEY + "\"").getBytes(StandardCharsets.UTF_8);
    private static final Set<String> KINDS = Set.of("DATASET", "JOB");

    /** The line's fields, in this order. */
    private record Fields(String kind, String namespace, String name, String deletedAt) {}

    /** A soft delete as the export reads it from a deleted node. */
    static DeletionLine from(Record r) {
        return new DeletionLine(
                r.get("kind").asString(),
                r.get("namespace").asString(),
                r.get("name").asString(),
                DriverValues.time(r.get("deletedAt")));
    }

    byte[] toJson(JsonMapper json) {
        return json.writeValueAsBytes(Map.of(KEY, new Fields(kind, namespace, name, deletedAt.toString())));
    }

    /**
     * The deletion a line holds, or null when the line is not one (an event); a line that names the key but is not a
     * well-formed deletion is refused with the reason. Only lines that contain the key are parsed here.
     */
    static DeletionLine parse(byte[] line, JsonMapper json) {
        if (!contains(line, MARKER)) {
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(line);
        } catch (JacksonException e) {
            return null; // not JSON: the event parser says why
        }
        if (root == null || !root.isObject() || !root.has(KEY)) {
            return null; // an event that merely mentions the word
        }
        if (root.size() != 1 || !root.get(KEY).isObject()) {
            throw new IllegalArgumentException(KEY + " must be the line's only field, an object");
        }
        JsonNode d = root.get(KEY);
        String kind = text(d, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(KEY + ".kind must be DATASET or JOB, was " + kind);
        }
        try {
            return new DeletionLine(
                    kind, text(d, "namespace"), text(d, "name"), OffsetDateTime.parse(text(d, "deletedAt")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(KEY + ".deletedAt is not an ISO-8601 time with an offset");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw new IllegalArgumentException(KEY + "." + field + " must be a non-empty string");
        }
        return value.asString();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
