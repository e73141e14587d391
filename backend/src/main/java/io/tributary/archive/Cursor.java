package io.tributary.archive;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** An opaque Relay cursor over the archive's (eventTime, id) order. */
record Cursor(OffsetDateTime eventTime, String id) {

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((eventTime + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Cursor(OffsetDateTime.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidCursorException(cursor);
        }
    }

    /** A cursor this service did not issue. */
    static final class InvalidCursorException extends IllegalArgumentException {
        InvalidCursorException(String cursor) {
            super("Invalid cursor '" + cursor + "': pass the endCursor or an edge cursor of an earlier page");
        }
    }
}
