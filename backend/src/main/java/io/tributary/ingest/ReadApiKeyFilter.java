package io.tributary.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * With {@code TRIBUTARY_READ_API_KEY} set, every data-bearing read path ({@code /graphql}, {@code /graphiql},
 * {@code /api/**} but ingest, {@code /actuator/**} but health and info) requires {@code Authorization: Bearer
 * <read key>}. Only the read key opens them, not the ingest keys: producers' configurations hold ingest keys, and a
 * leaked one should not expose the whole lineage. Left open: ingest (its own key), health and info (probes), and the
 * static UI shell, which holds no data and asks for the key itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ReadApiKeyFilter implements WebFilter {

    private static final String PREFIX = "Bearer ";

    private final byte[] digest;
    private final Problems problems;

    ReadApiKeyFilter(ReadAccess access, Problems problems) {
        this.digest = access.protectedReads() ? sha256(access.readApiKey().strip()) : null;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (digest == null || !isProtected(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).strip()
                : null;
        // Constant time on digests: neither content nor length of the key leaks through timing.
        if (presented != null && MessageDigest.isEqual(digest, sha256(presented))) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tributary-read\"");
        String detail = presented == null
                ? "Send the read API key as 'Authorization: Bearer <key>'"
                : "The read API key is not valid";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    static boolean isProtected(String path) {
        if (path.startsWith("/api/v1/lineage")) {
            return false;
        }
        if (path.startsWith("/actuator")) {
            return !(path.equals("/actuator/health")
                    || path.startsWith("/actuator/health/")
                    || path.equals("/actuator/info"));
        }
        return path.startsWith("/graphql") || path.startsWith("/graphiql") || path.startsWith("/api/");
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
