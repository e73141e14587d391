package io.tributary.dataset;

import java.time.OffsetDateTime;

/**
 * Which job-dataset edges {@code Dataset.producers} and {@code consumers} count: the current graph's (each job's
 * latest version), with {@code history} also the edges of jobs' earlier versions, or with {@code since} every edge
 * reported since then, current or not, as {@code lineage(since:)} walks.
 */
record EdgeWindow(boolean history, OffsetDateTime since) {

    static EdgeWindow of(Boolean history, OffsetDateTime since) {
        if (since != null && Boolean.TRUE.equals(history)) {
            throw new IllegalArgumentException("give history or since, not both");
        }
        return new EdgeWindow(Boolean.TRUE.equals(history), since);
    }
}
