package io.tributary.log;

/** How an event reached the service; kept with it in the log for operators and metrics. */
public enum EventSource {
    HTTP,
    KAFKA,
    IMPORT
}
