package io.tributary.log;

/**
 * A record that was committed reads back damaged (its checksum does not match): the disk lost data that was already
 * durable. Not a torn tail, which recovery truncates at start-up because nothing in it was acknowledged.
 */
public final class CorruptEventLogException extends EventLogException {

    public CorruptEventLogException(String message) {
        super(message);
    }
}
