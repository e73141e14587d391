package io.tributary.ingest;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GraphQL mutations (soft deletes, the retention purge) change the store, so they need an ingest (write) key as
 * {@code Authorization: Bearer <key>}, whether or not reads are protected. A request that passed the read filter with
 * a write key (see {@link ReadApiKeyFilter}) may run mutations only: an ingest key never opens reads.
 */
@Component
class GraphQlWriteAccess implements WebGraphQlInterceptor {

    private final ApiKeys writeKeys;
    private final ReadApiKeyFilter reads;

    GraphQlWriteAccess(ApiKeys writeKeys, ReadApiKeyFilter reads) {
        this.writeKeys = writeKeys;
        this.reads = reads;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String presented = WritePaths.bearer(request.getHeaders());
        if (GraphQlOperations.isMutation(request.getDocument(), request.getOperationName())) {
            if (!writeKeys.accepts(presented)) {
                return refuse(request, "Mutations need the ingest (write) API key as 'Authorization: Bearer <key>'");
            }
        } else if (reads.readsProtected() && !reads.isReadKey(presented)) {
            return refuse(request, "Reads need the read API key as 'Authorization: Bearer <key>'");
        }
        return chain.next(request);
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
