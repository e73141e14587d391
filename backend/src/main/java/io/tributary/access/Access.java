package io.tributary.access;

/** What a route asks of its caller. */
enum Access {
    /**
     * Nothing: probes, the static UI shell and the GraphiQL page, which hold no data and ask for the read key
     * themselves.
     */
    PUBLIC,
    /** The read key, where one is configured; open otherwise. */
    READ,
    /** An ingest (write) key, always: the route changes the store. */
    WRITE,
    /**
     * GraphQL over HTTP: the read key, or an ingest key, may pass; {@link GraphQlAccess} then judges the operation
     * (mutations need an ingest key, and an ingest key runs nothing else).
     */
    OPERATION,
    /**
     * The handshake of GraphQL over WebSocket: it passes, since browsers cannot send an {@code Authorization} header
     * with it; {@link GraphQlWebSocketAccess} judges the key the connection presents (in the handshake or its
     * {@code connection_init} message) before any operation runs.
     */
    CONNECTION
}
