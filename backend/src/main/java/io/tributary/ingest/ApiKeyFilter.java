package io.tributary.ingest;

import io.tributary.problem.Problems;
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
 * Requires {@code Authorization: Bearer <api key>} on every endpoint that writes ({@link WritePaths}: ingest, import,
 * deletes), before the body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter implements WebFilter {

    private final ApiKeys keys;
    private final Problems problems;

    ApiKeyFilter(ApiKeys keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!WritePaths.requiresWriteKey(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        String presented = WritePaths.bearer(exchange.getRequest().getHeaders());
        if (keys.accepts(presented)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tributary\"");
        String detail = presented == null
                ? "Send the ingest API key as 'Authorization: Bearer <key>'"
                : "The API key is not valid";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }
}
