package io.tributary.lifecycle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads NDJSON lines as bytes (the parser decodes UTF-8 strictly itself), each at most {@code maxBytes} long, so one
 * endless line cannot exhaust memory. {@code \n} ends a line; a trailing {@code \r} is dropped.
 */
final class NdjsonLines {

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[65536];
    private int position;
    private int limit;

    NdjsonLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    byte[] next() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.size() == 0 ? null : stripCr(line.toByteArray());
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line.size() + (position - start) > maxBytes) {
                throw new LineTooLongException(maxBytes);
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++; // the '\n'
                return stripCr(line.toByteArray());
            }
        }
    }

    private static byte[] stripCr(byte[] bytes) {
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                ? java.util.Arrays.copyOf(bytes, bytes.length - 1)
                : bytes;
    }

    static final class LineTooLongException extends IOException {
        LineTooLongException(int maxBytes) {
            super("a line is longer than " + maxBytes + " bytes");
        }
    }
}
