package io.tributary.log;

/**
 * The log's store cannot be reached (the database is down or gone): no append can succeed until it is back, so the log
 * refuses appends at once for a moment rather than let each one wait out the driver's timeouts.
 */
public class EventLogUnavailableException extends EventLogException {

    public EventLogUnavailableException(String message) {
        super(message);
    }

    public EventLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
