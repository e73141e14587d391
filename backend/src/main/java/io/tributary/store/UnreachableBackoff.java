package io.tributary.store;

import java.time.Duration;

/**
 * After a write found the database unreachable, writes are refused at once for a moment instead of each waiting out
 * the driver's connect timeout and retries; the first write after that moment tries the database again, so writers
 * recover by themselves. The graph writer and the event log's group commit each keep one.
 */
public final class UnreachableBackoff {

    /**
     * Long enough that an outage costs one driver timeout per second rather than one per request, short enough that
     * ingest resumes soon after it ends.
     */
    public static final Duration DEFAULT = Duration.ofSeconds(1);

    private final Duration backoff;
    /** The message of the failure that found the database unreachable; null once a write reached it. */
    private volatile String cause;
    /** Until this {@code System.nanoTime()}, writes are refused without trying the database. */
    private volatile long until;

    public UnreachableBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    /** A write found the database unreachable: refuse writes for the backoff. */
    public void found(Throwable failure) {
        cause = String.valueOf(failure.getMessage());
        until = System.nanoTime() + backoff.toNanos();
    }

    /** A write reached the database. */
    public void reached() {
        cause = null;
    }

    /** The message of the failure writes are refused for now, or null when a write may try the database. */
    public String refusing() {
        String current = cause;
        return current != null && System.nanoTime() - until < 0 ? current : null;
    }

    public Duration backoff() {
        return backoff;
    }
}
