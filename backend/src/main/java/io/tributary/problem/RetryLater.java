package io.tributary.problem;

import io.tributary.log.EventLogException;
import io.tributary.write.OverloadedException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The failures that pass with time: the database unreachable (a server down, a cluster changing leader), overloaded or
 * too slow, the ingest queue or the event log full. A REST request answers 503 with {@code Retry-After}, a GraphQL
 * error says to retry ({@code extensions.reason} UNAVAILABLE), a Kafka record is tried again. One list, so that the
 * three agree.
 */
public final class RetryLater {

    private static final List<Class<? extends Exception>> FAILURES = List.of(
            OverloadedException.class,
            EventLogException.class,
            ServiceUnavailableException.class,
            SessionExpiredException.class,
            TransientException.class,
            TimeoutException.class);

    private RetryLater() {}

    /** Whether {@code failure} is one of them. */
    public static boolean is(Throwable failure) {
        return FAILURES.stream().anyMatch(type -> type.isInstance(failure));
    }
}
