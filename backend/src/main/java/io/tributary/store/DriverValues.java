package io.tributary.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Null-safe reads of driver values, for mapping result rows to records. */
public final class DriverValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private DriverValues() {}

    public static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    public static Long number(Value v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    public static OffsetDateTime time(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime();
    }

    public static Boolean bool(Value v) {
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    public static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    /** A JSON object stored as a string property (a facet), parsed; null when absent. */
    public static Map<String, Object> json(Value v) {
        return v == null || v.isNull() ? null : json(v.asString());
    }

    public static Map<String, Object> json(String text) {
        return text == null ? null : JSON.readValue(text, OBJECT);
    }
}
