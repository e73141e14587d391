package io.tributary.access;

import io.tributary.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders a {@link Refusal} as RFC 9457 problem details ({@code .../problems/unauthorized}, 401) with its challenge,
 * whether {@link AccessFilter} refuses or a {@link Refusal} raised later on reaches no handler that answers it
 * (ahead of Spring Boot's error handler, which would answer its own error body).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals implements WebExceptionHandler {

    private final Problems problems;

    Refusals(Problems problems) {
        this.problems = problems;
    }

    Mono<Void> write(ServerWebExchange exchange, Refusal refusal) {
        String challenge = refusal.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, refusal.detail());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return error instanceof Refusal refusal && !exchange.getResponse().isCommitted()
                ? write(exchange, refusal)
                : Mono.error(error);
    }
}
