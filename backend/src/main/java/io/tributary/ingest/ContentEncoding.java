package io.tributary.ingest;

import io.tributary.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The Content-Encoding of a body that carries events (ingest, import, export): none ({@code identity}) or gzip. */
public enum ContentEncoding {
    IDENTITY,
    GZIP;

    /** The request's encoding; any other is refused with 415. */
    public static ContentEncoding of(HttpHeaders headers) {
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null) {
            return IDENTITY;
        }
        return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "identity" -> IDENTITY;
            case "gzip" -> GZIP;
            default ->
                throw new ProblemException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Encoding " + encoding + " is not supported; use gzip or none");
        };
    }

    /**
     * A stream that encodes what is written to {@code out}; gzip flushes each {@code flush()} through (sync flush), so
     * that a streamed body reaches the client chunk by chunk. {@code close()} ends the encoding.
     */
    public OutputStream encode(OutputStream out) throws IOException {
        return this == GZIP ? new GZIPOutputStream(out, 65536, true) : out;
    }

    /** The body as sent before encoding. */
    public InputStream decode(InputStream body) throws IOException {
        return this == GZIP ? new GZIPInputStream(body, 65536) : body;
    }
}
