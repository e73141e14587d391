package io.tributary.marquez;

import io.tributary.problem.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Marquez's error body for the Marquez-compatible endpoints, since its clients read {@code code} and {@code message}:
 * 404 for what does not exist, 400 for what the client must fix. Other failures (the database unavailable, a bug) stay
 * the problem details every REST endpoint answers ({@code problem/RestErrors}).
 */
@RestControllerAdvice(basePackageClasses = MarquezErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MarquezErrors {

    @ExceptionHandler
    ResponseEntity<MarquezError> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<MarquezError> invalidArgument(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Spring's own client errors: a missing or malformed parameter. */
    @ExceptionHandler
    ResponseEntity<MarquezError> badInput(ServerWebInputException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getReason());
    }

    private static ResponseEntity<MarquezError> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new MarquezError(status.value(), message == null ? status.getReasonPhrase() : message, null));
    }
}
