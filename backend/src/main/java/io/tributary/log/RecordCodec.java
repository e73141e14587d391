package io.tributary.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.zip.CRC32C;

/**
 * The file log's record format: {@code [length int][crc int][payload]}, where the CRC-32C covers the length and the
 * payload, so that a torn or damaged record (including a damaged length) is recognised. The payload holds the record's
 * fields in a fixed order; a format byte leads it so that a later format can be told apart.
 */
final class RecordCodec {

    static final int HEADER_BYTES = 8;
    /** Far above any event the ingest limits let through (16 MB before compression); a longer length is damage. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private static final byte FORMAT = 1;
    private static final EventSource[] SOURCES = EventSource.values();

    private RecordCodec() {}

    /** The whole record, header included, ready to be written. */
    static ByteBuffer encode(EventRecord record) {
        var summary = record.summary();
        byte[][] strings = {
            utf8(record.id()),
            utf8(summary.kind()),
            utf8(summary.eventType()),
            utf8(summary.runId()),
            utf8(summary.jobNamespace()),
            utf8(summary.jobName()),
            utf8(summary.producer())
        };
        int payload = 1 + 1 + 12 + 1 + 12 + 4 + record.jsonGzip().length;
        for (byte[] s : strings) {
            payload += 4 + (s == null ? 0 : s.length);
        }
        var buffer = ByteBuffer.allocate(HEADER_BYTES + payload);
        buffer.putInt(payload).putInt(0);
        buffer.put(FORMAT).put((byte) record.source().ordinal());
        putInstant(buffer, record.receivedAt());
        OffsetDateTime eventTime = summary.eventTime();
        buffer.put((byte) (eventTime == null ? 0 : 1));
        putInstant(buffer, eventTime == null ? Instant.EPOCH : eventTime.toInstant());
        for (byte[] s : strings) {
            putBytes(buffer, s);
        }
        putBytes(buffer, record.jsonGzip());
        buffer.putInt(4, crc(buffer.array(), 0, HEADER_BYTES + payload));
        return buffer.flip();
    }

    /**
     * The payload length of the record whose header starts at {@code header}'s position, or -1 if the header cannot
     * be one (a torn or zeroed tail, or damage).
     */
    static int payloadLength(ByteBuffer header) {
        int length = header.getInt(header.position());
        return length <= 0 || length > MAX_PAYLOAD_BYTES ? -1 : length;
    }

    /** Whether the record at {@code offset} in {@code bytes} ({@code HEADER_BYTES + length} of them) is intact. */
    static boolean intact(byte[] bytes, int offset, int length) {
        int stored = ByteBuffer.wrap(bytes, offset + 4, 4).getInt();
        return stored == crc(bytes, offset, HEADER_BYTES + length);
    }

    /** Decodes an intact record whose header starts at {@code offset}. */
    static EventRecord decode(byte[] bytes, int offset, int length) {
        try {
            return read(ByteBuffer.wrap(bytes, offset + HEADER_BYTES, length));
        } catch (RuntimeException e) {
            throw new CorruptEventLogException("a record with a valid checksum does not decode: " + e);
        }
    }

    private static EventRecord read(ByteBuffer in) {
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown record format " + format);
        }
        EventSource source = SOURCES[in.get()];
        Instant receivedAt = getInstant(in);
        boolean hasEventTime = in.get() == 1;
        Instant eventTime = getInstant(in);
        String id = string(in);
        var summary = new EventRecord.Summary(
                string(in),
                string(in),
                hasEventTime ? eventTime.atOffset(ZoneOffset.UTC) : null,
                string(in),
                string(in),
                string(in),
                string(in));
        byte[] jsonGzip = new byte[in.getInt()];
        in.get(jsonGzip);
        return new EventRecord(id, source, receivedAt, jsonGzip, summary);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        var crc = new CRC32C();
        crc.update(bytes, offset, 4); // the length
        crc.update(bytes, offset + HEADER_BYTES, length - HEADER_BYTES); // the payload
        return (int) crc.getValue();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putInstant(ByteBuffer buffer, Instant instant) {
        buffer.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    private static Instant getInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private static void putBytes(ByteBuffer buffer, byte[] bytes) {
        if (bytes == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(bytes.length).put(bytes);
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
