package io.tributary.problem;

import io.tributary.event.InvalidEventException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every REST error as RFC 9457 problem details: what the client must fix is a 4xx naming the problem, what will pass
 * is a 503 with {@code Retry-After}, anything else a 500 without internals. Spring's own exceptions (a missing or
 * malformed parameter, an unsupported method) are answered as Spring answers them (the base class). GraphQL errors
 * are not REST errors: see {@code graphql/GraphQlErrors}.
 */
@RestControllerAdvice
public class RestErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

    /** During an outage every request is a 503: one line per this interval says how many there were. */
    private static final Duration UNAVAILABLE_LOG_INTERVAL = Duration.ofSeconds(10);

    private final LongSupplier nanoTime;
    private final long unavailableLogNanos;
    /** {@code nanoTime} of the last 503 logged; {@code null} before the first. */
    private final AtomicReference<Long> unavailableLoggedAt = new AtomicReference<>();

    private final AtomicLong unavailableNotLogged = new AtomicLong();

    public RestErrors() {
        this(System::nanoTime, UNAVAILABLE_LOG_INTERVAL);
    }

    /** @param nanoTime the clock of the 503s' log interval (a test's own) */
    RestErrors(LongSupplier nanoTime, Duration unavailableLogInterval) {
        this.nanoTime = nanoTime;
        this.unavailableLogNanos = unavailableLogInterval.toNanos();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return answer(e.status(), e.problem());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidEvent(InvalidEventException e) {
        return answer(HttpStatus.BAD_REQUEST, Problems.invalidEvent(e.violations()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-argument", e.getMessage()));
    }

    private ResponseEntity<ProblemDetail> unavailable(Exception e, ServerWebExchange exchange) {
        logUnavailable(e, exchange);
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        failure(exchange) + ": the database is unavailable or overloaded; retry later"));
    }

    /** What will pass ({@link RetryLater}) is a 503; anything else a 500. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        if (RetryLater.is(e)) {
            return unavailable(e, exchange);
        }
        log.error("{} failed: {}", request(exchange), failure(exchange), e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", failure(exchange) + ": an internal error"));
    }

    /**
     * The first 503 is logged, then at most one per interval with the count of those in between (the meters
     * {@code http_server_requests_seconds_count{status="503"}} and {@code tributary_log_refused_events_total} count
     * them all).
     */
    private void logUnavailable(Exception e, ServerWebExchange exchange) {
        long now = nanoTime.getAsLong();
        Long last = unavailableLoggedAt.get();
        if ((last == null || now - last >= unavailableLogNanos) && unavailableLoggedAt.compareAndSet(last, now)) {
            long between = unavailableNotLogged.getAndSet(0);
            log.warn(
                    "{} temporarily unavailable: {}{}",
                    request(exchange),
                    e.toString(),
                    between == 0 ? "" : " (" + between + " more 503s since the last one logged)");
        } else {
            unavailableNotLogged.incrementAndGet();
        }
    }

    /** A 503 says when to try again, whoever raised it. */
    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(problem);
    }

    /** The handling controller's {@link FailureDetail}. */
    private static String failure(ServerWebExchange exchange) {
        FailureDetail detail =
                exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                        ? AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), FailureDetail.class)
                        : null;
        return detail == null ? "The request failed" : detail.value();
    }

    private static String request(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value();
    }
}
