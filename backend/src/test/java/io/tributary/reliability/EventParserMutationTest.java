package io.tributary.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.EventParser;
import io.tributary.event.InvalidEventException;
import io.tributary.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded fuzzing of the event parser: a fixed seed, thousands of byte-level and structure-level mutations of real
 * fixtures. Whatever the input, the parser returns an event or throws {@link InvalidEventException} (a 400), never
 * anything else (which would be a 500).
 */
class EventParserMutationTest {

    private static final long SEED = 20261124L;
    private static final int MUTATIONS = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SEEDS = Fixtures.texts(
            "spark/compat-tests-cll/8.json",
            "spec-examples/python_client__example_full_event.json",
            "spec-examples/marquez__event_full.json",
            "airflow/compat-tests-python-dag/line_09.json",
            "great_expectations/ol-airflow-integration-expected__great_expectations.json",
            "edge-cases/marquez__event_unicode.json");

    private final EventParser parser = new EventParser();
    private final Random random = new Random(SEED);

    @Test
    void theParserOnlyEverReturnsAnEventOrThrowsInvalidEvent() {
        Map<String, Integer> outcomes = new TreeMap<>();
        var unexpected = new ArrayList<String>();
        for (int i = 0; i < MUTATIONS; i++) {
            String seed = SEEDS.get(random.nextInt(SEEDS.size()));
            byte[] body = random.nextBoolean() ? mutateBytes(seed.getBytes(StandardCharsets.UTF_8)) : mutateTree(seed);
            try {
                assertThat(parser.parse(body)).isNotNull();
                outcomes.merge("event", 1, Integer::sum);
            } catch (InvalidEventException e) {
                outcomes.merge("invalid", 1, Integer::sum);
            } catch (RuntimeException | StackOverflowError e) {
                unexpected.add(e + " for mutation " + i + ": "
                        + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
            }
        }
        System.out.printf(
                "PARSER FUZZING: seed %d, %d mutations: %s, unexpected %d%n",
                SEED, MUTATIONS, outcomes, unexpected.size());
        assertThat(unexpected).isEmpty();
    }

    private byte[] mutateBytes(byte[] body) {
        byte[] out = body;
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 ->
                    out = concat(
                            Arrays.copyOf(out, at),
                            Arrays.copyOfRange(out, Math.min(out.length, at + 1 + random.nextInt(20)), out.length));
                case 2 ->
                    out = concat(
                            Arrays.copyOf(out, at),
                            concat(new byte[] {(byte) random.nextInt(256)}, Arrays.copyOfRange(out, at, out.length)));
                case 3 -> out = Arrays.copyOf(out, Math.max(1, at));
                default -> {
                    int end = Math.min(out.length, at + 1 + random.nextInt(50));
                    out = concat(Arrays.copyOf(out, end), Arrays.copyOfRange(out, at, out.length));
                }
            }
        }
        return out;
    }

    private byte[] mutateTree(String seed) {
        JsonNode root = JSON.readTree(seed);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            var containers = new ArrayList<JsonNode>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = List.copyOf(object.propertyNames());
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(4) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, randomValue());
                }
            } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                array.set(random.nextInt(array.size()), randomValue());
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 4 -> NODES.stringNode("");
            case 5 -> NODES.stringNode("\u0000\uD800x'}) DETACH DELETE n //");
            case 6 -> NODES.objectNode().put("k", "v");
            case 7 -> NODES.arrayNode().add(1).add("x");
            default -> NODES.stringNode(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.values().forEach(child -> collect(child, containers));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
