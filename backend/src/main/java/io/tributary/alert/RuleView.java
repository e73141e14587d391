package io.tributary.alert;

import java.time.OffsetDateTime;

/** The GraphQL {@code AlertRule}: a rule as the API shows it, without its webhook's token or secret. */
record RuleView(
        String id,
        String name,
        RuleKind kind,
        AlertRule.Source source,
        AlertRule.Scope scope,
        Webhook webhook,
        Freshness freshness,
        AlertRule.MetricRange metric,
        boolean muted,
        OffsetDateTime mutedUntil,
        String mutedReason,
        OffsetDateTime createdAt) {

    record Webhook(String url, WebhookFormat format, String template, boolean signed) {}

    record Freshness(String maxAge, String deadline, String timeZone) {}

    static RuleView of(AlertRule rule, AlertRules.Mute mute) {
        AlertRule.Freshness f = rule.freshness();
        return new RuleView(
                rule.id(),
                rule.name(),
                rule.kind(),
                rule.source(),
                rule.scope(),
                new Webhook(
                        rule.webhook().redactedUrl(),
                        rule.webhook().format(),
                        rule.webhook().template(),
                        rule.webhook().signed()),
                f == null
                        ? null
                        : new Freshness(
                                f.maxAge() == null ? null : f.maxAge().toString(),
                                f.deadline() == null ? null : f.deadline().toString(),
                                f.zone() == null ? null : f.zone().getId()),
                rule.metric(),
                mute != null,
                mute == null ? null : mute.until(),
                mute == null ? null : mute.reason(),
                rule.createdAt());
    }
}
