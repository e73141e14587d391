package io.tributary.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.LineageEvent.SchemaField;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {

    /** Stored schemas are named by the hash of this text: another form would re-key every SchemaVersion. */
    @Test
    void aSchemaIsStoredAsItsFieldsPathTypeAndDescriptionInThatOrder() {
        var fields = List.of(
                new SchemaField("id", "id", null, 0, 0, "long", "key"),
                new SchemaField("a.b", "b", "a", 0, 1, null, null));

        assertThat(SchemaJson.of(fields))
                .isEqualTo("[{\"path\":\"id\",\"type\":\"long\",\"description\":\"key\"},"
                        + "{\"path\":\"a.b\",\"type\":null,\"description\":null}]");
    }
}
