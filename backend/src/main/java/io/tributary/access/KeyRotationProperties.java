package io.tributary.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rotation of the ingest key while the service runs ({@code rotateApiKey}), bound from
 * {@code TRIBUTARY_API_KEYS_GRACE_PERIOD}, {@code TRIBUTARY_API_KEYS_MAX_GRACE_PERIOD} and
 * {@code TRIBUTARY_API_KEYS_REFRESH}.
 *
 * @param gracePeriod how long the keys in force stay valid after a rotation that names no grace period
 * @param maxGracePeriod the longest grace period a rotation may ask for
 * @param refresh how often each instance reads the stored keys again, to follow a rotation made through another
 *     instance on the same database (deadlines themselves are checked on every request)
 */
@ConfigurationProperties("tributary.api-keys")
public record KeyRotationProperties(
        @DefaultValue("24h") Duration gracePeriod,
        @DefaultValue("7d") Duration maxGracePeriod,
        @DefaultValue("10s") Duration refresh) {

    public KeyRotationProperties {
        if (gracePeriod.isNegative() || gracePeriod.compareTo(maxGracePeriod) > 0) {
            throw new IllegalArgumentException("TRIBUTARY_API_KEYS_GRACE_PERIOD must lie between 0 and "
                    + "TRIBUTARY_API_KEYS_MAX_GRACE_PERIOD (" + maxGracePeriod + "), not " + gracePeriod);
        }
        if (!refresh.isPositive()) {
            throw new IllegalArgumentException("TRIBUTARY_API_KEYS_REFRESH must be positive, not " + refresh);
        }
    }

    /** The defaults, for code that builds the keys outside Spring (tests of a restart). */
    static KeyRotationProperties defaults() {
        return new KeyRotationProperties(Duration.ofHours(24), Duration.ofDays(7), Duration.ofSeconds(10));
    }
}
