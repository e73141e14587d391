package io.tributary.write;

/** The writer cannot take more work now; the client should retry later (HTTP 503 with Retry-After). */
public class OverloadedException extends RuntimeException {

    public OverloadedException(String message) {
        super(message);
    }
}
