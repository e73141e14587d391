package io.tributary.ingest;

import io.tributary.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * With {@code TRIBUTARY_READ_API_KEY} set, every data-bearing read path ({@code /graphql}, {@code /api/**} but
 * ingest, {@code /actuator/**} but health and info) requires {@code Authorization: Bearer <read key>}. Only the read key opens them, not the ingest keys: producers' configurations hold ingest keys, and a
 * leaked one should not expose the whole lineage. Left open: ingest (its own key), health and info (probes), and the
 * static UI shell and the GraphiQL page ({@code /graphiql}), which hold no data and ask for the key themselves (a
 * browser cannot send a bearer key when it opens a page). The write endpoints ({@link WritePaths}) take an
 * ingest key instead; so does a GraphQL request carrying one, which {@link GraphQlWriteAccess} then allows to run
 * mutations only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ReadApiKeyFilter implements WebFilter {

    private static final int MAX_GRAPHQL_BODY = 1024 * 1024;

    private final byte[] digest;
    private final ApiKeys writeKeys;
    private final Problems problems;

    ReadApiKeyFilter(ReadAccess access, ApiKeys writeKeys, Problems problems) {
        this.digest = access.protectedReads() ? sha256(access.readApiKey().strip()) : null;
        this.writeKeys = writeKeys;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (digest == null || WritePaths.requiresWriteKey(exchange.getRequest()) || !isProtected(path)) {
            return chain.filter(exchange);
        }
        String presented = WritePaths.bearer(exchange.getRequest().getHeaders());
        if (isReadKey(presented)) {
            return chain.filter(exchange);
        }
        if (path.equals("/graphql")
                && HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && writeKeys.accepts(presented)) {
            return mutationsOnly(exchange, chain);
        }
        return refuse(
                exchange,
                presented == null
                        ? "Send the read API key as 'Authorization: Bearer <key>'"
                        : "The read API key is not valid");
    }

    /**
     * An ingest key may run GraphQL mutations (which {@link GraphQlWriteAccess} checks again), never reads: the body is
     * read here to tell, and handed on unchanged.
     */
    private Mono<Void> mutationsOnly(ServerWebExchange exchange, WebFilterChain chain) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_GRAPHQL_BODY)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(new byte[0]))
                .flatMap(bytes -> {
                    if (!GraphQlOperations.isMutation(bytes)) {
                        return refuse(exchange, "An ingest key cannot read; send the read API key");
                    }
                    var request = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(
                                    exchange.getResponse().bufferFactory().wrap(bytes)));
                        }
                    };
                    return chain.filter(exchange.mutate().request(request).build());
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tributary-read\"");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    /** Constant time on digests: neither content nor length of the key leaks through timing. */
    boolean isReadKey(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    boolean readsProtected() {
        return digest != null;
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
        return path.startsWith("/graphql") || path.startsWith("/api/");
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
