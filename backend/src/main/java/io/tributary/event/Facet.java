package io.tributary.event;

import java.util.Map;

/**
 * A standard facet as the graph stores it on its node: the facet JSON, plus scalar properties pulled out of it so
 * they can be indexed and queried (such as {@code sql} and {@code sqlDialect} from the {@code sql} facet).
 *
 * @param name the facet's standard name (legacy names are mapped to it)
 * @param json the facet as sent
 * @param properties node properties derived from the facet; a null value removes a property the facet set before
 */
public record Facet(String name, String json, Map<String, Object> properties) {

    /**
     * Separates a field's path from its tag in a dataset's field tags ({@code facetFieldTags}, {@code
     * manualFieldTags}): a control character that no field name carries.
     */
    public static final String FIELD_TAG_SEPARATOR = "\u001f";
}
