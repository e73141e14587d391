package io.tributary.problem;

/** A node the request names does not exist; a GraphQL NOT_FOUND error, a 404 on REST. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
