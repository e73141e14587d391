package io.tributary.event;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON trees that may repeat a property with the very same value, and refuses a property repeated with a
 * different one. openlineage-spark 1.53 sends the {@code processing_engine} run facet twice in some START events;
 * identical repeats are harmless, while differing ones are ambiguous (parsers disagree on which wins), so those stay
 * malformed JSON.
 */
final class SameValueDuplicates extends JsonNodeDeserializer {

    private static final Object REPEATS = SameValueDuplicates.class;

    private record Repeat(String name, JsonNode first, JsonNode second) {}

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        var repeats = new ArrayList<Repeat>();
        Object outer = ctxt.getAttribute(REPEATS);
        ctxt.setAttribute(REPEATS, repeats);
        JsonNode root;
        try {
            root = super.deserialize(p, ctxt);
        } finally {
            ctxt.setAttribute(REPEATS, outer);
        }
        // Compared only now: a repeated object or array is reported while still empty, and filled afterwards.
        for (Repeat repeat : repeats) {
            if (!repeat.first().equals(repeat.second())) {
                throw new StreamReadException(
                        p, "Duplicate Object property \"" + repeat.name() + "\" with different values");
            }
        }
        return root;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void _handleDuplicateProperty(
            JsonParser p,
            DeserializationContext ctxt,
            JsonNodeFactory nodeFactory,
            String propertyName,
            ObjectNode objectNode,
            JsonNode oldValue,
            JsonNode newValue)
            throws JacksonException {
        if (!(ctxt.getAttribute(REPEATS) instanceof List<?> repeats)) {
            throw new StreamReadException(p, "Duplicate Object property \"" + propertyName + "\"");
        }
        ((List<Repeat>) repeats).add(new Repeat(propertyName, oldValue, newValue));
    }
}
