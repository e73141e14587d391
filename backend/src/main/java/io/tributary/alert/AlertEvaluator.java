package io.tributary.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.event.LineageEvent;
import io.tributary.write.CommittedEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Evaluates the rules on one thread of its own, never the writer's: committed events in small batches (the graph's
 * settled state of the jobs and datasets they touched, read once per batch) and, every {@code checkInterval}, the
 * freshness rules with no event needed. Without any rule nothing is read. Ingest never waits: the committed-events
 * stream drops what this thread cannot keep up with (and counts it); the freshness scan catches stale datasets
 * regardless.
 */
@Component
class AlertEvaluator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final Set<RuleKind> JOB_KINDS =
            EnumSet.of(RuleKind.JOB_FAILED, RuleKind.DURATION_ANOMALY, RuleKind.LINEAGE_DROPPED);

    private final CommittedEvents committed;
    private final AlertRules rules;
    private final Facts facts;
    private final Map<RuleKind, Check> checks;
    private final FreshnessCheck freshness;
    private final Incidents incidents;
    private final DownstreamImpact impact;
    private final Notifier notifier;
    private final AlertProperties properties;
    private final Counter opened;
    private final Counter resolved;
    private Scheduler thread;
    private Disposable events;
    private Disposable scans;

    AlertEvaluator(
            CommittedEvents committed,
            AlertRules rules,
            Facts facts,
            List<Check> checks,
            FreshnessCheck freshness,
            Incidents incidents,
            DownstreamImpact impact,
            Notifier notifier,
            AlertProperties properties,
            MeterRegistry meters) {
        this.committed = committed;
        this.rules = rules;
        this.facts = facts;
        this.checks = checks.stream().collect(Collectors.toMap(Check::kind, Function.identity()));
        this.freshness = freshness;
        this.incidents = incidents;
        this.impact = impact;
        this.notifier = notifier;
        this.properties = properties;
        for (RuleKind kind : RuleKind.values()) {
            if (!this.checks.containsKey(kind)) {
                throw new IllegalStateException("No alert check for rule kind " + kind);
            }
        }
        this.opened = Counter.builder("tributary.alert.incidents")
                .description("Alert incidents by what happened to them")
                .tag("event", "opened")
                .register(meters);
        this.resolved = Counter.builder("tributary.alert.incidents")
                .description("Alert incidents by what happened to them")
                .tag("event", "resolved")
                .register(meters);
    }

    @Override
    public void start() {
        thread = Schedulers.newSingle("alerts", true);
        events = committed.stream()
                .bufferTimeout(256, Duration.ofMillis(200), true)
                .publishOn(thread, 1)
                .subscribe(this::onEvents, e -> log.error("Alert evaluation stopped", e));
        long every = properties.checkInterval().toMillis();
        scans = thread.schedulePeriodically(
                this::scanFreshness, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void onEvents(List<LineageEvent> batch) {
        try {
            evaluate(batch);
        } catch (RuntimeException e) {
            // One bad batch must not end alerting; the next scan or event re-evaluates from the graph.
            log.warn("Alert rules not evaluated for {} events: {}", batch.size(), e.toString());
        }
    }

    void evaluate(List<LineageEvent> batch) {
        if (!rules.any()) {
            return;
        }
        Touched.Keys keys = Touched.Keys.of(batch);
        if (keys.isEmpty()) {
            return;
        }
        List<AlertRule> all = rules.all();
        boolean jobRules = all.stream().anyMatch(r -> JOB_KINDS.contains(r.kind()));
        boolean datasetRules = all.stream().anyMatch(r -> !JOB_KINDS.contains(r.kind()));
        var touched = new Touched(
                keys.endedJobs(),
                keys.checked(),
                keys.schemas(),
                keys.written(),
                jobRules ? facts.jobs(keys.endedJobs()) : Map.of(),
                datasetRules ? facts.datasets(keys.datasets()) : Map.of());
        for (AlertRule rule : all) {
            apply(rule, checks.get(rule.kind()).evaluate(rule, touched));
        }
    }

    /** The freshness rules against the clock; also called by tests, which hold the clock. */
    void scanFreshness() {
        for (AlertRule rule : rules.all()) {
            if (rule.kind() != RuleKind.FRESHNESS) {
                continue;
            }
            try {
                apply(rule, freshness.scan(rule));
            } catch (RuntimeException e) {
                log.warn("Freshness rule {} not checked: {}", rule.id(), e.toString());
            }
        }
    }

    private void apply(AlertRule rule, List<Signal> signals) {
        var clears = new ArrayList<Signal>();
        boolean muted = rules.muted(rule.id());
        Map<String, Optional<String>> open = incidents.openSlots(rule, signals);
        for (Signal signal : signals) {
            if (signal.action() == Signal.Action.CLEAR) {
                clears.add(signal);
                continue;
            }
            Optional<String> seen = open.get(signal.slot());
            if (seen != null && seen.isPresent() && seen.get().equals(signal.trigger())) {
                continue; // still the same trigger of an open incident: no news, no write
            }
            Incidents.Change change = incidents.open(signal, !muted, () -> impact.of(signal));
            if (change != null) {
                opened.increment();
                notifier.changed(rule, change);
            }
        }
        for (Incidents.Change change : incidents.clear(rule, clears, open.keySet())) {
            resolved.increment();
            notifier.changed(rule, change);
        }
    }

    @Override
    public void stop() {
        if (events != null) {
            events.dispose();
        }
        if (scans != null) {
            scans.dispose();
        }
        if (thread != null) {
            thread.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return events != null && !events.isDisposed();
    }
}
