package io.tributary.graphql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque Relay cursors: the sort key of the last item seen, each part Base64url-encoded and joined with dots, so that
 * any character in a name (dots, pipes, newlines) round-trips.
 */
public final class Cursors {

    /** Later than any event: the upper bound of a first page of a newest-first list. */
    public static final OffsetDateTime END_OF_TIME = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    private Cursors() {}

    public static String encode(String... parts) {
        var encoded = new ArrayList<String>(parts.length);
        for (String part : parts) {
            encoded.add(Base64.getUrlEncoder().withoutPadding().encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
        return String.join(".", encoded);
    }

    /** The parts of a cursor this service issued; anything else is a bad argument. */
    public static List<String> decode(String cursor, int parts) {
        String[] encoded = cursor.split("\\.", -1);
        if (encoded.length != parts) {
            throw invalid(cursor);
        }
        var decoded = new ArrayList<String>(parts);
        try {
            for (String part : encoded) {
                decoded.add(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        return decoded;
    }

    /** A time part of a cursor. */
    public static OffsetDateTime time(String cursor, String part) {
        try {
            return OffsetDateTime.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid(cursor);
        }
    }

    /**
     * Where a newest-first page of (time, id) items resumes: strictly before this time and id. The first page starts
     * after every item.
     */
    public record Before(OffsetDateTime time, String id) {

        public static Before after(String cursor) {
            if (cursor == null) {
                return new Before(END_OF_TIME, "\uffff");
            }
            List<String> parts = decode(cursor, 2);
            return new Before(Cursors.time(cursor, parts.get(0)), parts.get(1));
        }
    }

    /** The cursor of an item in a newest-first page of (time, id) items. */
    public static String of(OffsetDateTime time, String id) {
        return encode(time.toString(), id);
    }

    private static IllegalArgumentException invalid(String cursor) {
        return new IllegalArgumentException(
                "Invalid cursor '" + cursor + "': pass the endCursor or an edge cursor of an earlier page");
    }
}
