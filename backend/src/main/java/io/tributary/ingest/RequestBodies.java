package io.tributary.ingest;

import io.tributary.TributaryProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
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
        HttpHeaders headers = request.getHeaders();
        MediaType type = headers.getContentType();
        if (type != null && !isJson(type)) {
            return Mono.error(new BodyException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send events as application/json"));
        }
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.strip().equalsIgnoreCase("identity")) {
            return Mono.error(new BodyException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding " + encoding + " is not supported; use gzip"));
        }
        if (headers.getContentLength() > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    try (InputStream in = buffer.asInputStream(true)) {
                        return gzip ? gunzip(in) : in.readAllBytes();
                    } catch (IOException e) {
                        throw new BodyException(
                                HttpStatus.BAD_REQUEST, "The body is not valid gzip: " + e.getMessage());
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private byte[] gunzip(InputStream compressed) throws IOException {
        try (var in = new GZIPInputStream(compressed)) {
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

    /**
     * A request body that cannot be read as sent. Deliberately not a {@code ResponseStatusException}: Spring's own
     * problem-details advice would answer that one first, without the ingest problem type.
     */
    static final class BodyException extends RuntimeException {
        private final HttpStatus status;

        BodyException(HttpStatus status, String reason) {
            super(reason);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }
}
