package io.tributary.ingest;

import io.tributary.event.InvalidEventException;
import io.tributary.event.Violation;
import io.tributary.problem.Problems;
import io.tributary.write.OverloadedException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps ingest failures to problem details: 4xx for what the client must fix, 503 + Retry-After for what will pass. */
@RestControllerAdvice(assignableTypes = LineageController.class)
class IngestErrors {

    private static final Logger log = LoggerFactory.getLogger(IngestErrors.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidEventException e) {
        return Problems.invalidEvent(e.violations());
    }

    @ExceptionHandler
    ProblemDetail invalidBatch(LineageController.InvalidBatchException e) {
        var violations = new ArrayList<Violation>();
        e.items.forEach(item -> violations.addAll(item.error().violations()));
        ProblemDetail problem = Problems.invalidEvent(violations);
        problem.setDetail("No event of the batch is valid; first: " + Problems.describe(violations.getFirst()));
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> body(RequestBodies.BodyException e) {
        HttpStatus status = e.status();
        String type = status == HttpStatus.BAD_REQUEST
                ? "invalid-encoding"
                : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return ResponseEntity.status(status).body(Problems.of(status, type, e.getMessage()));
    }

    @ExceptionHandler({
        OverloadedException.class,
        ServiceUnavailableException.class,
        SessionExpiredException.class,
        TransientException.class,
        TimeoutException.class
    })
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Ingest temporarily unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "The event was not stored: the database is unavailable or overloaded; retry later"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Ingest failed; the event was not stored", e);
        return ResponseEntity.internalServerError()
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR, "internal", "The event was not stored: an internal error"));
    }
}
