package io.tributary.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live subscriptions.
 *
 * @param subscriberBuffer updates held for one subscriber that has not taken them yet; past it the subscription ends
 *     with SUBSCRIBER_TOO_SLOW rather than hold more memory or slow anything else
 * @param maxSubscriptions most subscriptions open at once, over all clients and kinds; past it a new one is refused with
 *     TOO_MANY_SUBSCRIPTIONS (each holds a buffer and, over SSE, a connection)
 * @param batchEvents most committed events looked at together (one read per kind of update for all of them)
 * @param batchWindow how long committed events are gathered before they are looked at
 */
@ConfigurationProperties("tributary.live")
record LiveProperties(
        @DefaultValue("256") int subscriberBuffer,
        @DefaultValue("1000") int maxSubscriptions,
        @DefaultValue("1000") int batchEvents,
        @DefaultValue("100ms") Duration batchWindow) {}
