package io.tributary.alert;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerting settings ({@code TRIBUTARY_ALERT_*}).
 *
 * @param rulesFile the operator's YAML file of rules, read at start (a start-up failure if it cannot be read)
 * @param webhookUrl zero-config: every built-in rule (failed runs, duration anomalies, failed quality assertions,
 *     breaking schema changes) sends its alerts here
 * @param webhookFormat the body sent to {@code webhookUrl}: {@code json} or {@code slack}
 * @param webhookSecret signs the bodies sent to {@code webhookUrl} (HMAC-SHA256), when set
 * @param uiUrl where users open Tributary's UI, for the links in alerts; by default this host's address and port
 * @param checkInterval how often the freshness rules are checked
 * @param rulesRefresh how often rules created through another instance sharing the database are read again; off by
 *     default (one instance sees its own changes at once)
 * @param delivery how webhooks are sent
 */
@ConfigurationProperties("tributary.alert")
public record AlertProperties(
        Path rulesFile,
        URI webhookUrl,
        @DefaultValue("json") WebhookFormat webhookFormat,
        String webhookSecret,
        URI uiUrl,
        @DefaultValue("1m") Duration checkInterval,
        Duration rulesRefresh,
        @DefaultValue Delivery delivery) {

    /**
     * @param timeout one attempt's limit, connection and answer included
     * @param maxAttempts attempts before a delivery is given up as FAILED
     * @param firstBackoff the wait before the second attempt; each later wait doubles (with jitter) up to
     *     {@code maxBackoff}
     * @param maxBackoff the longest wait between attempts
     * @param resumeWithin at start-up, deliveries a stop interrupted that were created within this period are sent again
     */
    public record Delivery(
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("2s") Duration firstBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("1d") Duration resumeWithin) {}
}
