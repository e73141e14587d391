package io.tributary.ingest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The HTTP endpoints that change the store and so need an ingest (write) key rather than the read key: ingest, the
 * NDJSON import, and soft deletes of datasets and jobs. GraphQL mutations are checked by {@link GraphQlWriteAccess}.
 */
final class WritePaths {

    private static final String PREFIX = "Bearer ";

    private WritePaths() {}

    static boolean requiresWriteKey(HttpMethod method, String path) {
        return path.startsWith("/api/v1/lineage")
                || path.equals("/api/v1/import")
                || (HttpMethod.DELETE.equals(method) && path.startsWith("/api/v1/namespaces/"));
    }

    static boolean requiresWriteKey(ServerHttpRequest request) {
        return requiresWriteKey(request.getMethod(), request.getPath().value());
    }

    /** The key of an {@code Authorization: Bearer <key>} header, or null without one. */
    static String bearer(HttpHeaders headers) {
        String header = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).strip()
                : null;
    }
}
