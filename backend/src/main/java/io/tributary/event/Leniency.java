package io.tributary.event;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deviations real producers send that Tributary accepts, applied to a copy of the event before schema validation
 * so that the schemas themselves stay the spec's. Each one is seen in the wild: dbt-ol sends {@code "_deleted": null}
 * and {@code "stackTrace": null} (a facet property that is null is taken as absent);
 * dbt and older clients omit {@code schemaURL}; hand-built and partial events omit the facet {@code _producer} and
 * {@code _schemaURL}.
 */
final class Leniency {

    private Leniency() {}

    static ObjectNode normalize(JsonNode event, String unknownProducer) {
        ObjectNode copy = (ObjectNode) event.deepCopy();
        fill(copy, "producer", unknownProducer);
        fill(copy, "schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        facets(copy.path("run").path("facets"), unknownProducer);
        facets(copy.path("job").path("facets"), unknownProducer);
        facets(copy.path("dataset").path("facets"), unknownProducer);
        for (String list : List.of("inputs", "outputs")) {
            for (JsonNode dataset : copy.path(list)) {
                for (String facets : List.of("facets", "inputFacets", "outputFacets")) {
                    facets(dataset.path(facets), unknownProducer);
                }
            }
        }
        return copy;
    }

    private static void facets(JsonNode facets, String unknownProducer) {
        if (!facets.isObject()) {
            return;
        }
        for (JsonNode facet : facets.values()) {
            if (facet instanceof ObjectNode object) {
                fill(object, "_producer", unknownProducer);
                fill(object, "_schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/BaseFacet");
                // A null property means an absent one: dbt-ol sends "_deleted": null and "stackTrace": null.
                for (String name : List.copyOf(object.propertyNames())) {
                    if (object.get(name).isNull()) {
                        object.remove(name);
                    }
                }
            }
        }
    }

    private static void fill(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
