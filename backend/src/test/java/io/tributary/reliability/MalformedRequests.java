package io.tributary.reliability;

import io.tributary.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad-input corpus: malformed ingest requests derived from real fixtures, each with the status it must get. Built
 * by category so that the corpus grows with the fixtures and each case names what is wrong.
 */
final class MalformedRequests {

    static final String LIMIT_TEXT = "16MB";
    static final int LIMIT = 16 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A Spark run with a parent facet, inputs and outputs with schema facets: every part of an event. */
    static final String SPARK = Fixtures.text("spark/compat-tests-cll/8.json");

    private static final String CLIENT = Fixtures.text("spec-examples/python_client__example_full_event.json");

    /** Pointers to strings the spec or a standard facet schema requires (JSON Pointer, parent must exist). */
    private static final List<String> REQUIRED_STRINGS = List.of(
            "/eventTime",
            "/run/runId",
            "/job/namespace",
            "/job/name",
            "/inputs/0/namespace",
            "/inputs/0/name",
            "/outputs/0/namespace",
            "/outputs/0/name",
            "/run/facets/parent/run/runId",
            "/run/facets/parent/job/namespace",
            "/run/facets/parent/job/name");

    private static final List<String> INVALID_UUIDS = List.of(
            "",
            "not-a-uuid",
            "42",
            "019127de-fd25-7707-bfa4",
            "019127def-d25-7707-bfa4-3ec02693a531x",
            "{019127de-fd25-7707-bfa4-3ec02693a531}",
            "019127de-fd25-7707-bfa4-3ec02693a53g",
            "019127de fd25 7707 bfa4 3ec02693a531");

    private static final List<String> INVALID_TIMES = List.of(
            "",
            "yesterday",
            "2024-13-01T00:00:00Z",
            "2024-02-30T10:00:00Z",
            "2024-01-01T25:00:00Z",
            "2024-01-01T10:61:00Z",
            "1722950813",
            "2024/08/06 13:26:49",
            "06 Aug 2024 13:26:49 GMT");

    private MalformedRequests() {}

    /**
     * A request to {@code POST /api/v1/lineage}.
     *
     * @param contentEncoding null for none
     */
    record Case(String name, byte[] body, String contentType, String contentEncoding, int status) {
        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }

    static List<Case> all() {
        var cases = new ArrayList<Case>();
        brokenJson(cases, "spark", SPARK);
        brokenJson(cases, "client", CLIENT);
        wrongTypes(cases);
        missingFields(cases);
        for (String uuid : INVALID_UUIDS) {
            cases.add(edited("run id '" + uuid + "'", "/run/runId", NODES.stringNode(uuid)));
            cases.add(edited("parent run id '" + uuid + "'", "/run/facets/parent/run/runId", NODES.stringNode(uuid)));
        }
        for (String time : INVALID_TIMES) {
            cases.add(edited("eventTime '" + time + "'", "/eventTime", NODES.stringNode(time)));
        }
        notAnEvent(cases);
        encodings(cases);
        sizesAndNesting(cases);
        return cases;
    }

    /** Truncated at 40 offsets spread over the body, and a stray character in the structure. */
    private static void brokenJson(List<Case> cases, String fixture, String json) {
        byte[] bytes = utf8(json);
        for (int k = 1; k < 40; k++) {
            int at = bytes.length * k / 40;
            cases.add(json(fixture + " truncated at byte " + at, Arrays.copyOf(bytes, at), 400));
        }
        cases.add(json(fixture + " with a trailing comma", utf8(json.strip().replaceFirst("}$", ",}")), 400));
        cases.add(json(fixture + " followed by a second value", utf8(json + " {}"), 400));
        cases.add(json(fixture + " with single-quoted keys", utf8(json.replace("\"eventTime\"", "'eventTime'")), 400));
        cases.add(json(fixture + " with a comment", utf8("/* c */" + json), 400));
        cases.add(json(fixture + " with an unquoted key", utf8(json.replaceFirst("\"run\"", "run")), 400));
        cases.add(
                json(fixture + " with a duplicate key", utf8(json.replaceFirst("\\{", "{\"eventTime\":\"x\",")), 400));
    }

    /** Each required string replaced by a value of every other JSON type (null counts as missing). */
    private static void wrongTypes(List<Case> cases) {
        List<JsonNode> wrong = List.of(
                NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(), NODES.nullNode());
        for (String pointer : REQUIRED_STRINGS) {
            for (JsonNode value : wrong) {
                cases.add(edited(pointer + " as " + value.getNodeType(), pointer, value));
            }
        }
        for (String pointer : List.of("/run", "/job", "/run/facets", "/job/facets", "/run/facets/parent")) {
            for (JsonNode value : List.of(NODES.stringNode("x"), NODES.numberNode(1), NODES.arrayNode())) {
                cases.add(edited(pointer + " as " + value.getNodeType(), pointer, value));
            }
        }
        for (String pointer : List.of("/inputs", "/outputs", "/outputs/0/facets/schema/fields")) {
            for (JsonNode value : List.of(NODES.stringNode("x"), NODES.numberNode(1), NODES.objectNode())) {
                cases.add(edited(pointer + " as " + value.getNodeType(), pointer, value));
            }
        }
        cases.add(edited("eventType as a number", "/eventType", NODES.numberNode(1)));
        cases.add(edited("eventType not in the spec", "/eventType", NODES.stringNode("FINISHED")));
        cases.add(edited("schema field without name", "/outputs/0/facets/schema/fields/0", NODES.objectNode()));
    }

    private static void missingFields(List<Case> cases) {
        for (String pointer : REQUIRED_STRINGS) {
            cases.add(edit(
                    "without " + pointer,
                    SPARK,
                    event -> parentOf(event, pointer).remove(last(pointer))));
        }
        cases.add(edit("without /job", SPARK, event -> event.remove("job")));
        cases.add(edit(
                "without /run/facets/parent/run",
                SPARK,
                event -> parentOf(event, "/run/facets/parent/run").remove("run")));
        cases.add(edit(
                "without /run/facets/parent/job",
                SPARK,
                event -> parentOf(event, "/run/facets/parent/job").remove("job")));
    }

    private static void notAnEvent(List<Case> cases) {
        for (String body : List.of("[]", "[" + SPARK + "]", "\"event\"", "42", "null", "true", "{}", "   ", "")) {
            cases.add(json("body " + (body.length() > 10 ? "array of an event" : "'" + body + "'"), utf8(body), 400));
        }
        byte[] spark = utf8(SPARK);
        // Just after the opening quote of the first name's value: inside a string, where the JSON grammar is strictest.
        int nameKey = SPARK.indexOf("\"name\"");
        int jobName = utf8(SPARK.substring(0, SPARK.indexOf('"', SPARK.indexOf(':', nameKey)) + 1)).length;
        cases.add(json("NUL byte first", concat(new byte[] {0}, spark), 400));
        cases.add(json("NUL byte inside a name", insert(spark, jobName, new byte[] {0}), 400));
        cases.add(json("NUL byte between tokens", insert(spark, 1, new byte[] {0}), 400));
        cases.add(json("raw newline inside a name", insert(spark, jobName, new byte[] {'\n'}), 400));
        cases.add(json("invalid UTF-8 start byte in a name", insert(spark, jobName, new byte[] {(byte) 0xFF}), 400));
        cases.add(json(
                "truncated UTF-8 sequence in a name", insert(spark, jobName, new byte[] {(byte) 0xC3, '('}), 400));
        cases.add(json(
                "overlong UTF-8 '/' in a name", insert(spark, jobName, new byte[] {(byte) 0xC0, (byte) 0xAF}), 400));
        cases.add(json(
                "UTF-16 surrogate encoded in UTF-8 (CESU) in a name",
                insert(spark, jobName, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                400));
        cases.add(json("UTF-16 body", SPARK.getBytes(StandardCharsets.UTF_16LE), 400));
        cases.add(json("UTF-8 continuation byte alone", insert(spark, jobName, new byte[] {(byte) 0x80}), 400));
    }

    private static void encodings(List<Case> cases) {
        for (String type : List.of(
                "text/plain",
                "text/html",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "image/png",
                "application/x-ndjson")) {
            cases.add(new Case("content type " + type, utf8(SPARK), type, null, 415));
        }
        for (String encoding : List.of("br", "deflate", "compress", "zstd", "gzip, br", "x-gzip-2")) {
            cases.add(new Case("content encoding " + encoding, utf8(SPARK), "application/json", encoding, 415));
        }
        byte[] gzipped = gzip(utf8(SPARK));
        cases.add(new Case("gzip declared, plain sent", utf8(SPARK), "application/json", "gzip", 400));
        cases.add(new Case(
                "gzip truncated", Arrays.copyOf(gzipped, gzipped.length / 2), "application/json", "gzip", 400));
        cases.add(new Case("gzip twice", gzip(gzipped), "application/json", "gzip", 400));
        cases.add(new Case("gzip of garbage", gzip(new byte[] {1, 2, 3}), "application/json", "gzip", 400));
        cases.add(
                new Case("gzip bomb (256 MB of spaces)", gzippedSpaces(16L * LIMIT), "application/json", "gzip", 413));
        cases.add(
                new Case("gzip bomb just over the limit", gzippedSpaces(LIMIT + 1L), "application/json", "gzip", 413));
    }

    private static void sizesAndNesting(List<Case> cases) {
        String tenMb = "x".repeat(10 * 1024 * 1024);
        cases.add(edited("10 MB event whose run id is a 10 MB string", "/run/runId", NODES.stringNode(tenMb)));
        cases.add(edited("10 MB event whose eventTime is a 10 MB string", "/eventTime", NODES.stringNode(tenMb)));
        byte[] tenMbEvent = utf8(SPARK.replaceFirst("\"run\"\\s*:\\s*\\{", "\"run\":{\"big\":\"" + tenMb + "\","));
        cases.add(json("10 MB event cut short", Arrays.copyOf(tenMbEvent, tenMbEvent.length - 100), 400));
        cases.add(json("body one byte over the limit", padded(LIMIT + 1), 413));
        cases.add(json("17 MB body", padded(17 * 1024 * 1024), 413));
        cases.add(edited(
                "a number of 1000 digits",
                "/run/facets/spark_properties/x",
                NODES.numberNode(new java.math.BigInteger("9".repeat(1000)))));
        for (int depth : List.of(65, 100, 1000, 100_000)) {
            cases.add(json(
                    "nesting " + depth + " deep in a custom facet",
                    utf8(SPARK.replaceFirst(
                            "\"run\"\\s*:\\s*\\{", "\"run\":{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",")),
                    400));
        }
    }

    /** The spark event with the value at {@code pointer} replaced. */
    private static Case edited(String name, String pointer, JsonNode value) {
        return edit(name, SPARK, event -> {
            JsonNode parent = containerOf(event, pointer);
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last(pointer)), value);
            } else {
                ((ObjectNode) parent).set(last(pointer), value);
            }
        });
    }

    private static Case edit(String name, String json, Consumer<ObjectNode> change) {
        var event = (ObjectNode) JSON.readTree(json);
        change.accept(event);
        return json(name, utf8(event.toString()), 400);
    }

    private static JsonNode containerOf(JsonNode event, String pointer) {
        JsonNode parent = event.at(pointer.substring(0, pointer.lastIndexOf('/')));
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("The fixture has no " + pointer);
        }
        return parent;
    }

    private static ObjectNode parentOf(JsonNode event, String pointer) {
        JsonNode parent = event.at(pointer.substring(0, pointer.lastIndexOf('/')));
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("The fixture has no " + pointer);
        }
        return (ObjectNode) parent;
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static Case json(String name, byte[] body, int status) {
        return new Case(name, body, "application/json", null, status);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] insert(byte[] body, int at, byte[] bytes) {
        return concat(concat(Arrays.copyOf(body, at), bytes), Arrays.copyOfRange(body, at, body.length));
    }

    /** The spark event followed by spaces up to {@code size} bytes: valid JSON of that size. */
    private static byte[] padded(int size) {
        byte[] event = utf8(SPARK);
        byte[] out = Arrays.copyOf(event, size);
        Arrays.fill(out, event.length, size, (byte) ' ');
        return out;
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzippedSpaces(long size) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            byte[] event = utf8(SPARK);
            gzip.write(event);
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = event.length; written < size; written += spaces.length) {
                gzip.write(spaces, 0, (int) Math.min(spaces.length, size - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
