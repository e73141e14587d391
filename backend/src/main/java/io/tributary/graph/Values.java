package io.tributary.graph;

import java.time.OffsetDateTime;
import java.util.List;
import org.neo4j.driver.Value;

/** Null-safe reads of driver values for the view records. */
final class Values {

    private Values() {}

    static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    static Long number(Value v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    static OffsetDateTime time(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime();
    }

    static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
