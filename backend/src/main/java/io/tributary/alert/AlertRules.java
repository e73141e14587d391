package io.tributary.alert;

import io.tributary.problem.NotFoundException;
import io.tributary.store.GraphStore;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every alert rule and its mute, held in memory so that a batch of events with no rule to check costs nothing: the
 * built-in rules of the zero-config webhook, the operator's file (both read at start) and the rules created through
 * the API (stored in the graph, read at start and after each change made here; with {@code rulesRefresh}, also
 * periodically, for changes made through another instance).
 */
@Component
class AlertRules implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertRules.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    /** A rule's mute; {@code until} null mutes it until unmuted. */
    record Mute(OffsetDateTime until, String reason, OffsetDateTime mutedAt) {}

    /** save-rule: the rule's id and what is stored of it. */
    private record SaveRule(String id, AlertRule.Stored properties) {}

    /** delete-rule. */
    private record RuleId(String id) {}

    /** mute-rule: the mute, made at {@code now}. */
    private record MuteRule(String ruleId, OffsetDateTime until, String reason, OffsetDateTime now) {}

    /** unmute-rule. */
    private record MutedRule(String ruleId) {}

    private final GraphStore store;
    private final AlertProperties properties;
    private final Clock clock;
    private final List<AlertRule> configured;
    private volatile List<AlertRule> stored = List.of();
    private final Map<String, Mute> mutes = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    AlertRules(GraphStore store, AlertProperties properties, ObjectProvider<Clock> clocks) {
        this.store = store;
        this.properties = properties;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
        var rules = new ArrayList<AlertRule>(builtIn(properties));
        if (properties.rulesFile() != null) {
            rules.addAll(AlertRuleFile.read(properties.rulesFile(), System::getenv));
        }
        this.configured = List.copyOf(rules);
    }

    private static List<AlertRule> builtIn(AlertProperties properties) {
        if (properties.webhookUrl() == null) {
            return List.of();
        }
        var webhook = new RuleInput.WebhookInput(
                properties.webhookUrl().toString(), properties.webhookFormat(), null, properties.webhookSecret(), null);
        return Arrays.stream(RuleKind.values())
                .filter(RuleKind::builtIn)
                .map(kind -> new RuleInput(null, "Built-in: " + kind.name(), kind, null, webhook, null, null)
                        .toRule(
                                "builtin:" + kind.name().toLowerCase(java.util.Locale.ROOT),
                                AlertRule.Source.BUILT_IN,
                                null,
                                System::getenv))
                .toList();
    }

    @Override
    public void afterPropertiesSet() {
        reload();
        if (!configured.isEmpty()) {
            log.info(
                    "Alert rules: {} from configuration, {} created through the API", configured.size(), stored.size());
        }
        if (properties.rulesRefresh() != null && properties.rulesRefresh().isPositive()) {
            refresher = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("alert-rules-refresh").daemon(true).factory());
            long every = properties.rulesRefresh().toMillis();
            refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Alert rules not refreshed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Reads the API's rules and every mute from the graph again. */
    void reload() {
        stored = store.read(
                "alert/rules",
                Map.of(),
                result ->
                        result.list(r -> AlertRule.fromProperties(r.get("rule").asMap())));
        var read = store.read(
                "alert/mutes",
                Map.of(),
                result -> result.list(r -> Map.entry(
                        r.get("ruleId").asString(),
                        new Mute(
                                time(r.get("until").asObject()),
                                r.get("reason").asString(null),
                                time(r.get("mutedAt").asObject())))));
        mutes.clear();
        read.forEach(e -> mutes.put(e.getKey(), e.getValue()));
    }

    List<AlertRule> all() {
        var all = new ArrayList<AlertRule>(configured);
        all.addAll(stored);
        return all;
    }

    /** Whether any rule exists: without one, events are not even looked at. */
    boolean any() {
        return !configured.isEmpty() || !stored.isEmpty();
    }

    AlertRule find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    AlertRule get(String id) {
        AlertRule rule = find(id);
        if (rule == null) {
            throw new NotFoundException("No alert rule " + id);
        }
        return rule;
    }

    /** The mute in force now, or null. */
    Mute mute(String ruleId) {
        Mute mute = mutes.get(ruleId);
        return mute == null || (mute.until() != null && !mute.until().isAfter(now())) ? null : mute;
    }

    boolean muted(String ruleId) {
        return mute(ruleId) != null;
    }

    AlertRule create(RuleInput input) {
        AlertRule rule = input.toRule(UUID.randomUUID().toString(), AlertRule.Source.API, now(), name -> null);
        if (input.webhook() != null && input.webhook().secretEnv() != null) {
            throw new IllegalArgumentException("webhook.secretEnv is for the rules file; pass the secret itself");
        }
        store.write("alert/save-rule", new SaveRule(rule.id(), rule.stored()), WRITE_TIMEOUT, Result::consume);
        reload();
        return rule;
    }

    void delete(String id) {
        AlertRule rule = get(id);
        if (rule.source() != AlertRule.Source.API) {
            throw new IllegalArgumentException("Alert rule " + id + " comes from "
                    + (rule.source() == AlertRule.Source.FILE ? "the rules file" : "TRIBUTARY_ALERT_WEBHOOK_URL")
                    + "; change the configuration to remove it, or mute it");
        }
        store.write("alert/delete-rule", new RuleId(id), WRITE_TIMEOUT, Result::consume);
        reload();
    }

    void mute(String id, OffsetDateTime until, String reason) {
        get(id);
        if (until != null && !until.isAfter(now())) {
            throw new IllegalArgumentException("until must be in the future");
        }
        var mute = new MuteRule(id, until, reason == null || reason.isBlank() ? null : reason.strip(), now());
        store.write("alert/mute-rule", mute, WRITE_TIMEOUT, Result::consume);
        reload();
    }

    void unmute(String id) {
        get(id);
        store.write("alert/unmute-rule", new MutedRule(id), WRITE_TIMEOUT, Result::consume);
        reload();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof ZonedDateTime z ? z.toOffsetDateTime() : null;
    }
}
