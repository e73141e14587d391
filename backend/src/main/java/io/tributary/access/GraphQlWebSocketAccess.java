package io.tributary.access;

import java.util.Map;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The key of a GraphQL WebSocket connection (graphql-transport-ws), judged once at {@code connection_init}, before any
 * operation runs. The key comes with the handshake's {@code Authorization} header or, since browsers cannot set that
 * header, in the {@code connection_init} payload as {@code {"Authorization": "Bearer <key>"}}. Where reads are
 * protected, a connection that presents neither the read key nor an ingest key is closed. Only who the key made the
 * caller is kept with the connection, never the key; {@link GraphQlAccess} then judges each operation by it.
 */
@Component
class GraphQlWebSocketAccess implements WebSocketGraphQlInterceptor {

    /** Session attribute: the {@link Caller} the connection's key made. */
    private static final String CALLER = GraphQlWebSocketAccess.class.getName() + ".caller";

    private final ApiKeys keys;

    GraphQlWebSocketAccess(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String presented = ApiKeys.bearer(session.getHeaders());
        if (presented == null) {
            presented = payloadKey(payload);
        }
        Caller caller = keys.caller(presented);
        if (!caller.mayRead() && !caller.mayWrite()) {
            return Mono.error(Refusal.read(caller));
        }
        session.getAttributes().put(CALLER, caller);
        return Mono.empty();
    }

    /** The caller of an operation on this connection, as its {@code connection_init} was judged. */
    Caller callerOf(WebSocketSessionInfo session) {
        return session.getAttributes().get(CALLER) instanceof Caller caller
                ? caller
                : keys.caller(session.getHeaders());
    }

    /** The bearer key of the payload's {@code Authorization} entry (any case of the name), or null without one. */
    private static String payloadKey(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        for (var entry : payload.entrySet()) {
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(entry.getKey())
                    && entry.getValue() instanceof String value) {
                return ApiKeys.bearer(value);
            }
        }
        return null;
    }
}
