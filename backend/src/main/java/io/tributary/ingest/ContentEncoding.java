package io.tributary.ingest;

import io.tributary.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The Content-Encoding of a request body that carries events: none ({@code identity}) or gzip. */
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

    /** The body as sent before encoding. */
    public InputStream decode(InputStream body) throws IOException {
        return this == GZIP ? new GZIPInputStream(body, 65536) : body;
    }
}
