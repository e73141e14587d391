package io.tributary.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The GraphQL operation rules, ahead of execution: a mutation (soft deletes, the retention purge) needs an ingest key,
 * whether or not reads are protected; anything else needs the read key where one is set, and an ingest key, which
 * {@link AccessFilter} lets through to {@code /graphql} for its mutations, runs nothing else (a 401 problem, as for any
 * other read it attempts). Over WebSocket the caller is the one {@link GraphQlWebSocketAccess} judged at
 * {@code connection_init}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlAccess implements WebGraphQlInterceptor {

    /** The GraphQL context entry of a mutation's {@link Caller}. */
    static final String CALLER = "tributary.caller";

    private static final String READS_NEED_THE_READ_KEY =
            "Reads need the read API key as 'Authorization: Bearer <key>'";

    /** Documents longer than this are parsed each time rather than kept. */
    private static final int KEPT_DOCUMENT_CHARS = 16_384;

    private final ApiKeys keys;
    private final GraphQlWebSocketAccess webSocket;
    /** Whether an operation is a mutation, by document and operation name: clients repeat a few documents. */
    private final Cache<Operation, Boolean> mutations =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private record Operation(String document, String name) {}

    GraphQlAccess(ApiKeys keys, GraphQlWebSocketAccess webSocket) {
        this.keys = keys;
        this.webSocket = webSocket;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean overWebSocket = request instanceof WebSocketGraphQlRequest;
        Caller caller = request instanceof WebSocketGraphQlRequest ws
                ? webSocket.callerOf(ws.getSessionInfo())
                : keys.caller(request.getHeaders());
        if (mutation(request.getDocument(), request.getOperationName())) {
            if (!caller.mayWrite()) {
                return refuse(request, "Mutations need the ingest (write) API key as 'Authorization: Bearer <key>'");
            }
            // Who the key made the caller, never the key: key rotation asks whether it is the current key.
            request.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(context -> context.put(CALLER, caller))
                            .build());
            return chain.next(request);
        }
        if (caller.mayRead()) {
            return chain.next(request);
        }
        // Over WebSocket there is no HTTP response left to answer 401 with: the operation gets the GraphQL error.
        return caller.mayWrite() && !overWebSocket
                ? Mono.error(Refusal.ingestKeyCannotRead())
                : refuse(request, READS_NEED_THE_READ_KEY);
    }

    private boolean mutation(String document, String operationName) {
        if (document.length() > KEPT_DOCUMENT_CHARS) {
            return isMutation(document, operationName);
        }
        return mutations.get(new Operation(document, operationName), o -> isMutation(o.document(), o.name()));
    }

    /**
     * True when the operation to run is a mutation; when the document holds several and the request names none, any
     * mutation among them counts (the strictest reading). False for a document that does not parse, which execution
     * then refuses with its own syntax error.
     */
    static boolean isMutation(String document, String operationName) {
        try {
            return Parser.parse(document).getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(o -> operationName == null || operationName.equals(o.getName()))
                    .anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION);
        } catch (RuntimeException e) {
            return false;
        }
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
