package io.tributary.log;

/**
 * A place in an {@link EventLog}: every logged event has one, and positions are totally ordered by commit, so "the
 * events up to position p" is a well-defined set that a reader can wait for. Positions grow but need not be dense (a
 * file log counts bytes, the Neo4j log skips the numbers of redelivered events).
 *
 * @param value zero before the first event, otherwise the position of a logged event
 */
public record LogPosition(long value) implements Comparable<LogPosition> {

    /** Before every event: reading after it reads the log from its beginning. */
    public static final LogPosition START = new LogPosition(0);

    public LogPosition {
        if (value < 0) {
            throw new IllegalArgumentException("a log position is never negative: " + value);
        }
    }

    public boolean isAfter(LogPosition other) {
        return value > other.value;
    }

    @Override
    public int compareTo(LogPosition other) {
        return Long.compare(value, other.value);
    }
}
