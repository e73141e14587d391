package io.tributary.lineage;

import java.time.Duration;

/**
 * The caps of one traversal: distance, node count and a wall-clock deadline.
 *
 * @param deadlineNanos {@link System#nanoTime()} after which no further level is queried
 */
record Limits(int depth, int maxNodes, long deadlineNanos) {

    static final int MAX_DEPTH = 50;
    static final int MAX_NODES = 10_000;
    /** The CSV export's cap: a whole downstream of a large warehouse, streamed to a file rather than a page. */
    static final int MAX_CSV_NODES = 1_000_000;

    /** Validates client arguments; an out-of-range value is the client's error, never silently clamped. */
    static Limits of(int depth, int maxNodes, Duration deadline) {
        return of(depth, maxNodes, deadline, MAX_NODES);
    }

    /** As {@link #of(int, int, Duration)}, with {@code maxNodes} allowed up to {@code cap}. */
    static Limits of(int depth, int maxNodes, Duration deadline, int cap) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 0 and " + MAX_DEPTH + ", was " + depth);
        }
        if (maxNodes < 1 || maxNodes > cap) {
            throw new IllegalArgumentException("maxNodes must be between 1 and " + cap + ", was " + maxNodes);
        }
        return new Limits(depth, maxNodes, System.nanoTime() + deadline.toNanos());
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }
}
