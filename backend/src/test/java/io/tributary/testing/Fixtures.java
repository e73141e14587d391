package io.tributary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
