package io.tributary.alert;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One alert rule: what it watches ({@link RuleKind} and its parameters), where ({@link Scope}) and whom it tells
 * ({@link Webhook}).
 *
 * @param source where the rule comes from: the API (stored in the graph), the operator's file or the zero-config webhook
 */
public record AlertRule(
        String id,
        String name,
        RuleKind kind,
        Source source,
        Scope scope,
        Webhook webhook,
        Freshness freshness,
        MetricRange metric,
        OffsetDateTime createdAt) {

    public enum Source {
        API,
        FILE,
        BUILT_IN
    }

    /**
     * Which jobs and datasets a rule covers; every part set must match, an empty scope covers everything. Job and
     * dataset names may hold {@code *} for any characters. For job rules, {@code dataset} means a dataset the job
     * writes; for dataset rules, {@code job} means a job writing the dataset. {@code owner} matches an owner from the
     * ownership facet or an {@code owner:<name>} tag; {@code tag} matches a tag as the API shows it ({@code key} or
     * {@code key:value}).
     */
    public record Scope(String namespace, String job, String dataset, String tag, String owner) {

        public static final Scope EVERYTHING = new Scope(null, null, null, null, null);

        boolean coversJob(Facts.Job job) {
            return (namespace == null || namespace.equals(job.namespace()))
                    && (this.job == null || Glob.matches(this.job, job.name()))
                    && (dataset == null || job.outputs().stream().anyMatch(d -> Glob.matches(dataset, d)))
                    && (tag == null || job.tags().contains(tag))
                    && (owner == null || Facts.owns(owner, job.owners(), job.tags()));
        }

        boolean coversDataset(Facts.Dataset dataset) {
            return (namespace == null || namespace.equals(dataset.namespace()))
                    && (this.dataset == null || Glob.matches(this.dataset, dataset.name()))
                    && (job == null || dataset.producers().stream().anyMatch(j -> Glob.matches(job, j)))
                    && (tag == null || dataset.tags().contains(tag))
                    && (owner == null || Facts.owns(owner, dataset.owners(), dataset.tags()));
        }

        Scope normalized() {
            return new Scope(
                    blankToNull(namespace),
                    blankToNull(job),
                    blankToNull(dataset),
                    blankToNull(tag),
                    blankToNull(owner));
        }
    }

    /**
     * @param url an http or https URL
     * @param template the Mustache template of a TEMPLATE body
     * @param secret signs each body (HMAC-SHA256); never shown by the API
     */
    public record Webhook(URI url, WebhookFormat format, String template, String secret) {

        /** The URL without its path, query and user info, which often hold a token (Slack's do). */
        public String redactedUrl() {
            String port = url.getPort() < 0 ? "" : ":" + url.getPort();
            boolean more = (url.getRawPath() != null && url.getRawPath().length() > 1) || url.getRawQuery() != null;
            return url.getScheme() + "://" + url.getHost() + port + (more ? "/…" : "/");
        }

        public boolean signed() {
            return secret != null && !secret.isEmpty();
        }

        public String contentType() {
            return format == WebhookFormat.TEMPLATE
                            && template != null
                            && !template.strip().startsWith("{")
                            && !template.strip().startsWith("[")
                    ? "text/plain; charset=utf-8"
                    : "application/json";
        }
    }

    /**
     * A freshness SLA: written within {@code maxAge}, or (with {@code deadline}) at least once in the day before each
     * day's deadline, in {@code zone}.
     */
    public record Freshness(Duration maxAge, LocalTime deadline, ZoneId zone) {

        /** The time by which the dataset must have been written last for the SLA to hold at {@code now}. */
        OffsetDateTime writtenSince(OffsetDateTime now) {
            if (maxAge != null) {
                return now.minus(maxAge);
            }
            ZonedDateTime local = now.atZoneSameInstant(zone);
            ZonedDateTime todays = local.with(deadline);
            ZonedDateTime lastDeadline = todays.isAfter(local) ? todays.minusDays(1) : todays;
            return lastDeadline.minusDays(1).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }

        String describe() {
            return maxAge != null
                    ? "written at least every " + Durations.text(maxAge)
                    : "written every day by " + deadline + " (" + zone + ")";
        }
    }

    /**
     * A metric that must stay within [{@code min}, {@code max}] (either may be open): {@code rowCount}, {@code bytes}
     * or {@code fileCount} of the newest completed write (output statistics) or quality check, or, with
     * {@code column}, that column's metric in the newest quality check ({@code nullCount}, {@code distinctCount},
     * {@code min}, {@code max}, {@code sum}, {@code count}, ...).
     */
    public record MetricRange(String metric, String column, Double min, Double max) {

        boolean holds(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        String describe() {
            String what = column == null ? metric : column + "." + metric;
            if (min != null && max != null) {
                return what + " within [" + number(min) + ", " + number(max) + "]";
            }
            return min != null ? what + " ≥ " + number(min) : what + " ≤ " + number(max);
        }
    }

    /** Refuses a rule that cannot work, naming what is wrong. */
    public AlertRule validated() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an alert rule needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("alert rule '" + name + "' needs a kind");
        }
        if (webhook == null || webhook.url() == null) {
            throw new IllegalArgumentException("alert rule '" + name + "' needs a webhook url");
        }
        String scheme =
                Objects.requireNonNullElse(webhook.url().getScheme(), "").toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme) || webhook.url().getHost() == null) {
            throw new IllegalArgumentException(
                    "alert rule '" + name + "': webhook url must be an http(s) URL with a host");
        }
        if (webhook.format() == WebhookFormat.TEMPLATE
                && (webhook.template() == null || webhook.template().isBlank())) {
            throw new IllegalArgumentException("alert rule '" + name + "': format TEMPLATE needs a template");
        }
        if (webhook.template() != null) {
            Templates.compile(webhook.template()); // a syntax error is the caller's, now
        }
        switch (kind) {
            case FRESHNESS -> {
                if (freshness == null || (freshness.maxAge() == null) == (freshness.deadline() == null)) {
                    throw new IllegalArgumentException("alert rule '" + name
                            + "': FRESHNESS needs exactly one of freshness.maxAge and freshness.deadline");
                }
                if (freshness.maxAge() != null
                        && (freshness.maxAge().isNegative()
                                || freshness.maxAge().isZero())) {
                    throw new IllegalArgumentException("alert rule '" + name + "': freshness.maxAge must be positive");
                }
            }
            case METRIC_OUT_OF_RANGE -> {
                if (metric == null || metric.metric() == null || metric.metric().isBlank()) {
                    throw new IllegalArgumentException(
                            "alert rule '" + name + "': METRIC_OUT_OF_RANGE needs metric.metric");
                }
                if (metric.min() == null && metric.max() == null) {
                    throw new IllegalArgumentException(
                            "alert rule '" + name + "': METRIC_OUT_OF_RANGE needs metric.min or metric.max");
                }
                if (metric.min() != null && metric.max() != null && metric.min() > metric.max()) {
                    throw new IllegalArgumentException("alert rule '" + name + "': metric.min is above metric.max");
                }
            }
            default -> {}
        }
        return this;
    }

    /**
     * What the graph stores of a rule made through the API ({@code alert/save-rule}); a null part is not stored.
     * {@link #fromProperties} reads it back.
     */
    record Stored(
            String id,
            String name,
            String kind,
            OffsetDateTime createdAt,
            String scopeNamespace,
            String scopeJob,
            String scopeDataset,
            String scopeTag,
            String scopeOwner,
            String webhookUrl,
            String webhookFormat,
            String webhookTemplate,
            String webhookSecret,
            String freshnessMaxAge,
            String freshnessDeadline,
            String freshnessZone,
            String metric,
            String metricColumn,
            Double metricMin,
            Double metricMax) {}

    Stored stored() {
        return new Stored(
                id,
                name,
                kind.name(),
                createdAt,
                scope.namespace(),
                scope.job(),
                scope.dataset(),
                scope.tag(),
                scope.owner(),
                webhook.url().toString(),
                webhook.format().name(),
                webhook.template(),
                webhook.secret(),
                freshness == null || freshness.maxAge() == null
                        ? null
                        : freshness.maxAge().toString(),
                freshness == null || freshness.deadline() == null
                        ? null
                        : freshness.deadline().toString(),
                freshness == null || freshness.zone() == null
                        ? null
                        : freshness.zone().getId(),
                metric == null ? null : metric.metric(),
                metric == null ? null : metric.column(),
                metric == null ? null : metric.min(),
                metric == null ? null : metric.max());
    }

    static AlertRule fromProperties(Map<String, Object> p) {
        String maxAge = (String) p.get("freshnessMaxAge");
        String deadline = (String) p.get("freshnessDeadline");
        String zone = (String) p.get("freshnessZone");
        return new AlertRule(
                (String) p.get("id"),
                (String) p.get("name"),
                RuleKind.valueOf((String) p.get("kind")),
                Source.API,
                new Scope(
                        (String) p.get("scopeNamespace"),
                        (String) p.get("scopeJob"),
                        (String) p.get("scopeDataset"),
                        (String) p.get("scopeTag"),
                        (String) p.get("scopeOwner")),
                new Webhook(
                        URI.create((String) p.get("webhookUrl")),
                        WebhookFormat.valueOf((String) p.get("webhookFormat")),
                        (String) p.get("webhookTemplate"),
                        (String) p.get("webhookSecret")),
                maxAge == null && deadline == null
                        ? null
                        : new Freshness(
                                maxAge == null ? null : Duration.parse(maxAge),
                                deadline == null ? null : LocalTime.parse(deadline),
                                zone == null ? ZoneOffset.UTC : ZoneId.of(zone)),
                p.get("metric") == null
                        ? null
                        : new MetricRange(
                                (String) p.get("metric"),
                                (String) p.get("metricColumn"),
                                (Double) p.get("metricMin"),
                                (Double) p.get("metricMax")),
                p.get("createdAt") instanceof ZonedDateTime z ? z.toOffsetDateTime() : null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
