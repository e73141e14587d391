package io.tributary.event;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Small readers over Jackson trees that treat a wrong type as absent (facet contents are not ours to police). */
final class Json {

    private Json() {}

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        return node.asString();
    }

    static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        // A number beyond the long range (1e300 where a row count belongs) is absent like any wrong type, not a 500.
        return value != null && value.isNumber() && value.canConvertToLong() ? value.asLong() : null;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /**
     * RFC 3339 date-time with any precision up to nanoseconds; producers that omit the offset (seen from older Marquez
     * clients) mean UTC.
     */
    static OffsetDateTime dateTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
