package io.tributary.ingest;

import io.tributary.TributaryProperties;
import io.tributary.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads an ingest request body within the size limit, plain or gzip (with or without Content-Length, as the
 * OpenLineage clients send it chunked). The limit applies to the decompressed size too, so a gzip bomb stops at it.
 */
@Component
class RequestBodies {

    private final int maxBytes;

    RequestBodies(TributaryProperties properties) {
        this.maxBytes = Math.toIntExact(properties.ingest().maxBodySize().toBytes());
    }

    Mono<byte[]> read(ServerHttpRequest request) {
        return Mono.defer(() -> {
            HttpHeaders headers = request.getHeaders();
            MediaType type = headers.getContentType();
            if (type != null && !isJson(type)) {
                throw new BodyException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send events as application/json");
            }
            ContentEncoding encoding = ContentEncoding.of(headers);
            if (headers.getContentLength() > maxBytes) {
                throw tooLarge();
            }
            return DataBufferUtils.join(request.getBody(), maxBytes)
                    .map(buffer -> {
                        try (InputStream in = encoding.decode(buffer.asInputStream(true))) {
                            return readWithinLimit(in);
                        } catch (IOException e) {
                            throw new BodyException(
                                    HttpStatus.BAD_REQUEST, "The body is not valid gzip: " + e.getMessage());
                        }
                    })
                    .defaultIfEmpty(new byte[0])
                    .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
        });
    }

    /** The decoded body; the limit holds after decompression too, so a gzip bomb stops at it. */
    private byte[] readWithinLimit(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (out.size() + read > maxBytes) {
                throw tooLarge();
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }

    private BodyException tooLarge() {
        return new BodyException(
                HttpStatus.CONTENT_TOO_LARGE,
                "The body exceeds the limit of " + maxBytes + " bytes (after decompression)");
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json");
    }

    /** A request body that cannot be read as sent: 400 (as {@code invalid-encoding}), 413 or 415. */
    static final class BodyException extends ProblemException {

        BodyException(HttpStatus status, String reason) {
            super(status, status == HttpStatus.BAD_REQUEST ? "invalid-encoding" : null, reason);
        }
    }
}
