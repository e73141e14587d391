package io.tributary.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A REST failure that knows its own answer: status, problem type and detail (subclasses add a title or properties).
 * {@link RestErrors} writes it as RFC 9457 problem details. Deliberately not a {@code ResponseStatusException}: Spring's
 * own handling would answer that one without the problem type.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    /** A problem whose type is named for its status, e.g. {@code unsupported-media-type}. */
    public ProblemException(HttpStatus status, String detail) {
        this(status, null, detail);
    }

    /** @param type the problem type under {@link Problems#TYPE_BASE} */
    public ProblemException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail problem() {
        return type == null ? Problems.of(status, getMessage()) : Problems.of(status, type, getMessage());
    }
}
