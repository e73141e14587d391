package io.tributary.store;

/**
 * The external Neo4j server named by {@code NEO4J_URI} cannot be used at start-up. The service refuses to start rather
 * than run without its schema migrations; the message names the URI and never the password.
 */
final class Neo4jUnavailableException extends RuntimeException {

    private final String action;

    Neo4jUnavailableException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
