package io.tributary.lineage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of lineage traversals ({@code TRIBUTARY_LINEAGE_DEADLINE}).
 *
 * @param deadline how long one traversal may take over all its queries; when it passes, the traversal stops and
 *     answers what it has with {@code truncated = true} (each query is also bounded by the read query timeout)
 */
@ConfigurationProperties("tributary.lineage")
record LineageProperties(@DefaultValue("10s") Duration deadline) {}
