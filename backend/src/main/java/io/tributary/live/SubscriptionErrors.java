package io.tributary.live;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Typed errors that end a subscription: a bad argument is BAD_REQUEST with its message, a subscriber that fell behind
 * INTERNAL_ERROR with the reason {@code SUBSCRIBER_TOO_SLOW}, which clients act on by reloading and subscribing again,
 * and one past the most open at once INTERNAL_ERROR with the reason {@code TOO_MANY_SUBSCRIPTIONS}.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof SubscriberTooSlowException) {
            return GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message(ex.getMessage())
                    .extensions(Map.of("reason", "SUBSCRIBER_TOO_SLOW"))
                    .build();
        }
        if (ex instanceof TooManySubscriptionsException) {
            return GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message(ex.getMessage())
                    .extensions(Map.of("reason", "TOO_MANY_SUBSCRIPTIONS"))
                    .build();
        }
        if (ex instanceof IllegalArgumentException) {
            return GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(ex.getMessage())
                    .build();
        }
        return null;
    }
}
