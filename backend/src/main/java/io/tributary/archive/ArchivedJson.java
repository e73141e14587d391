package io.tributary.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * An archived event's body as stored on its {@code :Event} node: gzip-compressed UTF-8 in {@code jsonGzip} (real
 * events shrink 5 to 10 times, and with them the store, the transaction log and the archive's share of every ingest
 * transaction), or, for events archived before compression, the text in {@code json}. Read statements return both
 * columns; whichever is set is the body, exactly as it was sent.
 */
public final class ArchivedJson {

    private ArchivedJson() {}

    public static byte[] compress(String json) {
        var out = new ByteArrayOutputStream(Math.max(256, json.length() / 6));
        try (var gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    public static String decompress(byte[] gzip) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip), 8192)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("an archived event's body is not valid gzip", e);
        }
    }

    /** The body from a record with the columns {@code json} and {@code jsonGzip}. */
    public static String of(Record r) {
        Value gzip = r.get("jsonGzip");
        return gzip.isNull() ? r.get("json").asString() : decompress(gzip.asByteArray());
    }
}
