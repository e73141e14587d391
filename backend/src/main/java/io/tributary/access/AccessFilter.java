package io.tributary.access;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The HTTP door: every request is judged by its route ({@link RouteTable}) and its bearer key ({@link ApiKeys}) before
 * any body is read. GraphQL operations are judged afterwards by {@link GraphQlAccess}, and the key of a GraphQL
 * WebSocket connection by {@link GraphQlWebSocketAccess}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AccessFilter implements WebFilter {

    private final RouteTable routes;
    private final ApiKeys keys;
    private final Refusals refusals;

    AccessFilter(RouteTable routes, ApiKeys keys, Refusals refusals) {
        this.routes = routes;
        this.keys = keys;
        this.refusals = refusals;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Access access = routes.accessOf(exchange.getRequest());
        if (access == Access.PUBLIC || access == Access.CONNECTION) {
            return chain.filter(exchange);
        }
        Caller caller = keys.caller(exchange.getRequest().getHeaders());
        Refusal refusal = switch (access) {
            case WRITE -> caller.mayWrite() ? null : Refusal.write(caller);
            case READ -> caller.mayRead() ? null : Refusal.read(caller);
            case OPERATION -> caller.mayRead() || caller.mayWrite() ? null : Refusal.read(caller);
            case PUBLIC, CONNECTION -> null;
        };
        return refusal == null ? chain.filter(exchange) : refusals.write(exchange, refusal);
    }
}
