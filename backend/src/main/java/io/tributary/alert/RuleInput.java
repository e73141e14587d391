package io.tributary.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A rule as written by a person: the GraphQL {@code AlertRuleInput} and an entry of the operator's rules file.
 *
 * @param id the file's stable id for the rule (kept across restarts, for mutes and incidents); the API assigns its own
 */
public record RuleInput(
        String id,
        String name,
        RuleKind kind,
        AlertRule.Scope scope,
        WebhookInput webhook,
        FreshnessInput freshness,
        MetricInput metric) {

    /**
     * @param secretEnv the file may name an environment variable holding the secret instead of the secret itself
     */
    public record WebhookInput(String url, WebhookFormat format, String template, String secret, String secretEnv) {}

    /**
     * @param maxAge e.g. {@code 6h}, {@code 90m}, {@code 2d} or ISO-8601 {@code PT6H}
     * @param deadline a time of day, {@code HH:mm}
     * @param timeZone the deadline's zone (an IANA name such as Europe/Berlin); UTC by default
     */
    public record FreshnessInput(String maxAge, String deadline, String timeZone) {}

    public record MetricInput(String metric, String column, Double min, Double max) {}

    AlertRule toRule(String ruleId, AlertRule.Source source, OffsetDateTime createdAt, UnaryOperator<String> env) {
        if (webhook == null || webhook.url() == null || webhook.url().isBlank()) {
            throw new IllegalArgumentException("alert rule '" + name + "' needs webhook.url");
        }
        URI url;
        try {
            url = new URI(webhook.url().strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("alert rule '" + name + "': webhook.url is not a URL");
        }
        String secret = AlertRule.blankToNull(webhook.secret());
        if (secret == null && webhook.secretEnv() != null) {
            secret = AlertRule.blankToNull(env.apply(webhook.secretEnv()));
            if (secret == null) {
                throw new IllegalArgumentException("alert rule '" + name + "': environment variable "
                        + webhook.secretEnv() + " (webhook.secretEnv) is not set");
            }
        }
        return new AlertRule(
                        ruleId,
                        name == null ? null : name.strip(),
                        kind,
                        source,
                        Objects.requireNonNullElse(scope, AlertRule.Scope.EVERYTHING)
                                .normalized(),
                        new AlertRule.Webhook(
                                url,
                                Objects.requireNonNullElse(webhook.format(), WebhookFormat.JSON),
                                AlertRule.blankToNull(webhook.template()),
                                secret),
                        kind == RuleKind.FRESHNESS ? parsedFreshness() : null,
                        kind == RuleKind.METRIC_OUT_OF_RANGE && metric != null
                                ? new AlertRule.MetricRange(
                                        AlertRule.blankToNull(metric.metric()),
                                        AlertRule.blankToNull(metric.column()),
                                        metric.min(),
                                        metric.max())
                                : null,
                        createdAt)
                .validated();
    }

    private AlertRule.Freshness parsedFreshness() {
        if (freshness == null) {
            return null;
        }
        try {
            return new AlertRule.Freshness(
                    Durations.parse(freshness.maxAge()),
                    freshness.deadline() == null || freshness.deadline().isBlank()
                            ? null
                            : LocalTime.parse(freshness.deadline().strip()),
                    freshness.timeZone() == null || freshness.timeZone().isBlank()
                            ? ZoneOffset.UTC
                            : ZoneId.of(freshness.timeZone().strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "alert rule '" + name + "': freshness.deadline must be a time of day such as 07:00");
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("alert rule '" + name + "': unknown freshness.timeZone");
        }
    }
}
