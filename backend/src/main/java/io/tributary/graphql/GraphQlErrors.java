package io.tributary.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.tributary.problem.NotFoundException;
import io.tributary.problem.RetryLater;
import io.tributary.projection.RebuildInProgressException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Typed GraphQL errors: a missing node is NOT_FOUND, a bad argument BAD_REQUEST with its message; a query the database stopped for running too
 * long is INTERNAL_ERROR with {@code extensions.reason} READ_TIMEOUT, a database that is away ({@link
 * io.tributary.problem.RetryLater}) INTERNAL_ERROR with reason UNAVAILABLE and a plain explanation; an execution
 * cancelled because the client left is logged at DEBUG only. Anything else falls through to Spring GraphQL's default
 * (INTERNAL_ERROR without internals).
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        Throwable ex = thrown;
        // Batch loaders and async fetchers hand over their failure wrapped.
        while ((ex instanceof java.util.concurrent.CompletionException
                        || ex instanceof java.util.concurrent.ExecutionException)
                && ex.getCause() != null) {
            ex = ex.getCause();
        }
        if (ex instanceof AbortExecutionException) {
            // The client went away (a browser closing a page or dropping a superseded request): Spring GraphQL cancels
            // the execution and fetchers still running end here. Nobody reads this answer; not worth an ERROR.
            log.debug("GraphQL execution cancelled, the client closed the request: {}", ex.getMessage());
            return error(env, ErrorType.INTERNAL_ERROR, "The request was cancelled");
        }
        if (ex instanceof RebuildInProgressException) {
            return withReason(env, ex.getMessage(), "REBUILD_IN_PROGRESS");
        }
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        if (ex instanceof IllegalArgumentException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof Neo4jException neo4j && isTimeout(neo4j)) {
            return withReason(env, "The query exceeded the read time limit; narrow it down", "READ_TIMEOUT");
        }
        if (RetryLater.is(ex)) {
            log.warn("GraphQL query failed: database unavailable: {}", ex.toString());
            return withReason(env, "The database is unavailable; retry later", "UNAVAILABLE");
        }
        return null;
    }

    private static boolean isTimeout(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        return code.contains("TransactionTimedOut") || code.contains("Terminated");
    }

    /** INTERNAL_ERROR with {@code extensions.reason}: what a client can act on, beyond the generic classification. */
    private static GraphQLError withReason(DataFetchingEnvironment env, String message, String reason) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message(message)
                .extensions(java.util.Map.of("reason", reason))
                .build();
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .build();
    }
}
