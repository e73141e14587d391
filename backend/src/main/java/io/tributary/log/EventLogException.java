package io.tributary.log;

/** The log could not take or give back events: an I/O failure, a full queue, a closed log or a damaged record. */
public class EventLogException extends RuntimeException {

    public EventLogException(String message) {
        super(message);
    }

    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
