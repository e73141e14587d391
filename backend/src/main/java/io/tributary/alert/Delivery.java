package io.tributary.alert;

import java.time.OffsetDateTime;

/**
 * One webhook delivery of one notification, with its attempts: the delivery log.
 *
 * @param event {@code incident.opened}, {@code incident.resolved} or {@code test}
 * @param url the webhook URL without its path (which often holds a token)
 * @param status PENDING while attempts remain, DELIVERED on a 2xx answer, FAILED when attempts ran out or the receiver
 *     refused it for good (a 4xx other than 408 and 429)
 * @param body the body sent (the same for every attempt; the receiver deduplicates by the delivery id)
 */
public record Delivery(
        String id,
        String incidentId,
        String ruleId,
        String event,
        String url,
        WebhookFormat format,
        String status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttemptAt,
        OffsetDateTime deliveredAt,
        String body) {}
