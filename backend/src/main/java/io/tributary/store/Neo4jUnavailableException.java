package io.tributary.store;

/**
 * The database cannot be used at start-up: the external Neo4j server named by {@code NEO4J_URI}, or the embedded store
 * another process holds. The service refuses to start rather than run without its schema migrations; the message names
 * the URI (never the password) or the data directory.
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
