package io.tributary.ingest;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GraphQL mutations (soft deletes, the retention purge) change the store, so they need an ingest (write) key as
 * {@code Authorization: Bearer <key>}, whether or not reads are protected. A request that passed the read filter with
 * a write key (see {@link ReadApiKeyFilter}) may run mutations only: an ingest key never opens reads.
 *
 * <p>Over WebSocket the key comes with the handshake's {@code Authorization} header or, since browsers cannot set that
 * header, in the {@code connection_init} payload as {@code {"Authorization": "Bearer <key>"}}; where reads are
 * protected, a connection that presents neither a read nor an ingest key is closed before any operation runs. Only
 * which key the payload held is kept with the connection, not the key.
 */
@Component
class GraphQlWriteAccess implements WebSocketGraphQlInterceptor {

    /** Session attribute: {@link Key} the connection_init payload presented. */
    private static final String INIT_KEY = GraphQlWriteAccess.class.getName() + ".key";

    private enum Key {
        READ,
        WRITE
    }

    private final ApiKeys writeKeys;
    private final ReadApiKeyFilter reads;

    GraphQlWriteAccess(ApiKeys writeKeys, ReadApiKeyFilter reads) {
        this.writeKeys = writeKeys;
        this.reads = reads;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String presented = WritePaths.bearer(request.getHeaders());
        Key initKey = request instanceof WebSocketGraphQlRequest ws && presented == null
                ? (Key) ws.getSessionInfo().getAttributes().get(INIT_KEY)
                : null;
        if (GraphQlOperations.isMutation(request.getDocument(), request.getOperationName())) {
            if (!writeKeys.accepts(presented) && initKey != Key.WRITE) {
                return refuse(request, "Mutations need the ingest (write) API key as 'Authorization: Bearer <key>'");
            }
        } else if (reads.readsProtected() && !reads.isReadKey(presented) && initKey != Key.READ) {
            return refuse(request, "Reads need the read API key as 'Authorization: Bearer <key>'");
        }
        return chain.next(request);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String presented = WritePaths.bearer(session.getHeaders());
        Object authorization = payload.entrySet().stream()
                .filter(e -> HttpHeaders.AUTHORIZATION.equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (presented == null && authorization instanceof String value) {
            var headers = new HttpHeaders();
            headers.set(HttpHeaders.AUTHORIZATION, value);
            presented = WritePaths.bearer(headers);
            if (reads.isReadKey(presented)) {
                session.getAttributes().put(INIT_KEY, Key.READ);
            } else if (writeKeys.accepts(presented)) {
                session.getAttributes().put(INIT_KEY, Key.WRITE);
            }
        }
        if (reads.readsProtected() && !reads.isReadKey(presented) && !writeKeys.accepts(presented)) {
            return Mono.error(new IllegalStateException("The WebSocket connection presented no valid API key"));
        }
        return Mono.empty();
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String message) {
        var result = ExecutionResultImpl.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .errorType(ErrorType.UNAUTHORIZED)
                        .message(message)
                        .build())
                .build();
        return Mono.just(
                new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
