package io.tributary.lineage;

import java.time.OffsetDateTime;
import java.util.List;
import org.neo4j.driver.Value;

/** Null-safe reads of driver values. */
final class Rows {

    private Rows() {}

    static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    static OffsetDateTime time(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime();
    }

    static Boolean bool(Value v) {
        return v == null || v.isNull() ? null : v.asBoolean();
    }
}
