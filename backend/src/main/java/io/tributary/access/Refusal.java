package io.tributary.access;

import io.tributary.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused for want of the right key: a 401 problem ({@code .../problems/unauthorized}) with a
 * {@code WWW-Authenticate} challenge naming the realm. {@link Refusals} writes it where a filter answers; raised
 * later on (GraphQL interception), it is an {@link ErrorResponseException}, which the REST error advice and Spring's
 * own handlers answer as it is, status, challenge and all.
 */
final class Refusal extends ErrorResponseException {

    /** The challenge of the write (ingest) keys. */
    static final String WRITE_REALM = "tributary";

    /** The challenge of the read key. */
    static final String READ_REALM = "tributary-read";

    private Refusal(String realm, String detail) {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, detail), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
    }

    static Refusal write(Caller caller) {
        return new Refusal(
                WRITE_REALM,
                caller.presentedKey()
                        ? "The API key is not valid"
                        : "Send the ingest API key as 'Authorization: Bearer <key>'");
    }

    static Refusal read(Caller caller) {
        return new Refusal(
                READ_REALM,
                caller.presentedKey()
                        ? "The read API key is not valid"
                        : "Send the read API key as 'Authorization: Bearer <key>'");
    }

    /** An ingest key where only the read key opens: producers hold ingest keys, and a leaked one must not read. */
    static Refusal ingestKeyCannotRead() {
        return new Refusal(READ_REALM, "An ingest key cannot read; send the read API key");
    }

    /** What the caller is told to do. */
    String detail() {
        return getBody().getDetail();
    }

    /** A refusal is an answer, not a fault: no stack trace to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
