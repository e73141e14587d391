package io.tributary.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of the raw event archive.
 *
 * @param events {@code TRIBUTARY_RETENTION_EVENTS}: raw events with an event time older than this (e.g. {@code P90D}
 *     or {@code 90d}) are purged; unset, nothing is purged on schedule
 * @param interval how often the scheduled purge runs (the first run one interval after start)
 * @param batchSize events deleted per transaction, which bounds transaction memory and lock time
 */
@ConfigurationProperties("tributary.retention")
record RetentionProperties(
        Duration events,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("10000") int batchSize) {

    RetentionProperties {
        if (events != null && (events.isNegative() || events.isZero())) {
            throw new IllegalArgumentException("tributary.retention.events must be positive, was " + events);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tributary.retention.interval must be positive, was " + interval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("tributary.retention.batch-size must be at least 1");
        }
    }
}
