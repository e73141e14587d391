package io.tributary.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projector and read-your-writes ({@code tributary.projection.*}), in effect when {@code tributary.log.mode} names
 * a log.
 *
 * @param windowMaxEvents most events applied in one window (one transaction)
 * @param windowMaxTime once a window's reads from the log have taken this long, it is applied with what it holds
 * @param readWait how long a read waits for the projector to pass the log position it must see before answering
 *     with what is projected (and saying so)
 * @param maxLag above this projection lag, ingest answers 503 with {@code Retry-After}
 * @param writeTimeout the database aborts a window's transaction (or the projector's read of its position) that runs
 *     longer
 * @param leaseTtl with a log shared by replicas (the Neo4j log), how long the projector's lease lasts unrenewed: the
 *     longest another replica waits to take over from one that died (a replica that stops hands it back at once)
 * @param rebuildWindowEvents events per window (one transaction) when a rebuild replays the log
 * @param rebuildClearBatch nodes deleted per transaction when a rebuild clears the graph (and hand-set values
 *     restored per transaction after it)
 */
@ConfigurationProperties("tributary.projection")
public record ProjectionProperties(
        @DefaultValue("2000") int windowMaxEvents,
        @DefaultValue("500ms") Duration windowMaxTime,
        @DefaultValue("5s") Duration readWait,
        @DefaultValue("30s") Duration maxLag,
        @DefaultValue("60s") Duration writeTimeout,
        @DefaultValue("10s") Duration leaseTtl,
        @DefaultValue("5000") int rebuildWindowEvents,
        @DefaultValue("10000") int rebuildClearBatch) {}
