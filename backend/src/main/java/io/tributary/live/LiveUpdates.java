package io.tributary.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.event.LineageEvent;
import io.tributary.issues.Issue;
import io.tributary.issues.IssueReports;
import io.tributary.lineage.NodeId;
import io.tributary.lineage.NodeKind;
import io.tributary.live.CommittedBatch.Check;
import io.tributary.live.CommittedBatch.Edge;
import io.tributary.store.DatasetKey;
import io.tributary.store.JobKey;
import io.tributary.write.CommittedEvents;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns committed events into the updates live subscribers get. One pipeline for all subscribers: committed events are
 * gathered into batches on a thread of its own, each batch costs one graph read per kind of update that anyone is
 * subscribed to (none when nobody is), and the updates are handed to every subscriber through a bounded buffer of its
 * own. Nothing here waits on the writer or makes it wait: the committed-event stream drops what this pipeline cannot
 * take, and a subscriber whose buffer fills is ended ({@link SubscriberTooSlowException}).
 */
@Component
class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final CommittedEvents committed;
    private final LiveReads reads;
    private final EntityLookup lookup;
    private final IssueReports issues;
    private final LiveProperties settings;
    private final Counter tooSlow;

    // New at every start: stop() completes them, and a completed sink takes no subscriber.
    private volatile Sinks.Many<RunView> runs = Sinks.many().multicast().directBestEffort();
    private volatile Sinks.Many<Issue> opened = Sinks.many().multicast().directBestEffort();
    private volatile Sinks.Many<ResolvedIssue> resolved =
            Sinks.many().multicast().directBestEffort();
    private volatile Sinks.Many<LineageChange> lineage =
            Sinks.many().multicast().directBestEffort();

    private volatile Scheduler scheduler;
    private volatile Disposable pipeline;

    LiveUpdates(
            CommittedEvents committed,
            LiveReads reads,
            EntityLookup lookup,
            IssueReports issues,
            LiveProperties settings,
            MeterRegistry meters) {
        this.committed = committed;
        this.reads = reads;
        this.lookup = lookup;
        this.issues = issues;
        this.settings = settings;
        this.tooSlow = Counter.builder("tributary.live.subscribers.too.slow")
                .description("Subscriptions ended because their subscriber did not keep up")
                .register(meters);
        meters.gauge("tributary.live.subscribers", this, LiveUpdates::subscriptions);
    }

    private int subscriptions() {
        return Stream.of(runs, opened, resolved, lineage)
                .mapToInt(Sinks.Many::currentSubscriberCount)
                .sum();
    }

    Flux<RunView> runs(Predicate<RunView> filter) {
        return bounded(runs, filter);
    }

    Flux<Issue> opened(Predicate<Issue> filter) {
        return bounded(opened, filter);
    }

    Flux<ResolvedIssue> resolved(Predicate<ResolvedIssue> filter) {
        return bounded(resolved, filter);
    }

    Flux<LineageChange> lineage(Predicate<LineageChange> filter) {
        return bounded(lineage, filter);
    }

    /** A subscriber's own view of an update stream: only what it asked for, and at most a buffer of it waiting. */
    private <T> Flux<T> bounded(Sinks.Many<T> sink, Predicate<T> filter) {
        int buffer = settings.subscriberBuffer();
        if (subscriptions() >= settings.maxSubscriptions()) {
            return Flux.error(new TooManySubscriptionsException(settings.maxSubscriptions()));
        }
        return sink.asFlux()
                .filter(filter)
                .onBackpressureBuffer(buffer, update -> tooSlow.increment(), BufferOverflowStrategy.ERROR)
                .onErrorMap(Exceptions::isOverflow, e -> new SubscriberTooSlowException(buffer));
    }

    @Override
    public void start() {
        runs = Sinks.many().multicast().directBestEffort();
        opened = Sinks.many().multicast().directBestEffort();
        resolved = Sinks.many().multicast().directBestEffort();
        lineage = Sinks.many().multicast().directBestEffort();
        scheduler = Schedulers.newSingle("tributary-live", true);
        pipeline = committed.stream(settings.batchEvents() * 4)
                .bufferTimeout(settings.batchEvents(), settings.batchWindow(), scheduler, true)
                .publishOn(scheduler, 2)
                .subscribe(this::publish);
    }

    /** Ends every subscription (they complete), so that graceful shutdown does not wait for open streams. */
    @Override
    public void stop() {
        if (pipeline != null) {
            pipeline.dispose();
        }
        Stream.of(runs, opened, resolved, lineage).forEach(Sinks.Many::tryEmitComplete);
        if (scheduler != null) {
            scheduler.dispose();
        }
        pipeline = null;
    }

    @Override
    public boolean isRunning() {
        return pipeline != null && !pipeline.isDisposed();
    }

    void publish(List<LineageEvent> events) {
        try {
            var batch = CommittedBatch.of(events);
            if (batch.since() == null) {
                return;
            }
            if (runs.currentSubscriberCount() > 0 && !batch.runs().isEmpty()) {
                Map<String, RunView> views = lookup.runs(batch.runs());
                batch.runs().stream().map(views::get).filter(Objects::nonNull).forEach(runs::tryEmitNext);
            }
            if (opened.currentSubscriberCount() > 0) {
                openedIssues(batch).forEach(opened::tryEmitNext);
            }
            if (resolved.currentSubscriberCount() > 0) {
                resolvedIssues(batch).forEach(resolved::tryEmitNext);
            }
            if (lineage.currentSubscriberCount() > 0) {
                lineageChanges(batch).forEach(lineage::tryEmitNext);
            }
        } catch (RuntimeException e) {
            // Live updates are best effort: subscribers reload from queries; the events themselves are committed.
            log.warn("Live updates for {} committed events skipped: {}", events.size(), e.toString());
        }
    }

    /** The issues these events opened, as the issues query reports them. */
    private List<Issue> openedIssues(CommittedBatch batch) {
        var found = new ArrayList<Issue>();
        if (!batch.failed().isEmpty()) {
            found.addAll(issues.ofRuns(batch.failed(), Set.of("JOB_EXECUTION"), batch.since()));
        }
        if (!batch.completed().isEmpty()) {
            found.addAll(issues.ofRuns(batch.completed(), Set.of("JOB_DURATION"), batch.since()));
        }
        if (!batch.failedChecks().isEmpty()) {
            Set<String> checkedRuns =
                    batch.failedChecks().stream().map(Check::runId).collect(Collectors.toSet());
            issues.ofRuns(checkedRuns, Set.of("DATA_QUALITY"), batch.since()).stream()
                    .filter(i -> i.dataset() != null
                            && batch.failedChecks()
                                    .contains(new Check(
                                            i.run().id(),
                                            i.dataset().namespace(),
                                            i.dataset().name())))
                    .forEach(found::add);
        }
        return found;
    }

    private List<ResolvedIssue> resolvedIssues(CommittedBatch batch) {
        var resolutions = new ArrayList<LiveReads.Resolution>();
        if (!batch.completed().isEmpty()) {
            resolutions.addAll(reads.resolvedFailures(batch.completed()));
        }
        if (!batch.passedChecks().isEmpty()) {
            resolutions.addAll(reads.resolvedQuality(batch.passedChecks()));
        }
        if (resolutions.isEmpty()) {
            return List.of();
        }
        Map<String, RunView> runViews = lookup.runs(resolutions.stream()
                .flatMap(r -> Stream.of(r.runId(), r.failedRunId()))
                .collect(Collectors.toSet()));
        Map<JobKey, JobView> jobs =
                lookup.jobs(resolutions.stream().map(LiveReads.Resolution::job).collect(Collectors.toSet()));
        Map<DatasetKey, DatasetView> datasets = lookup.datasets(resolutions.stream()
                .map(LiveReads.Resolution::dataset)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return resolutions.stream()
                .map(r -> new ResolvedIssue(
                        r.kind(),
                        r.time(),
                        summary(r),
                        jobs.get(r.job()),
                        r.dataset() == null ? null : datasets.get(r.dataset()),
                        runViews.get(r.runId()),
                        runViews.get(r.failedRunId())))
                .filter(r -> r.job() != null && r.run() != null && r.failedRun() != null)
                .toList();
    }

    private static String summary(LiveReads.Resolution r) {
        return r.kind().equals("JOB_EXECUTION")
                ? r.job().name() + " completed after its failed run " + r.failedRunId()
                : "Quality checks on " + r.dataset().name() + " passed after the failed ones of run " + r.failedRunId();
    }

    /** One change per node: its job's latest run after state events, and the edges first reported now. */
    private Collection<LineageChange> lineageChanges(CommittedBatch batch) {
        var changes = new LinkedHashMap<String, ChangeBuilder>();
        if (!batch.jobs().isEmpty()) {
            Map<JobKey, LiveReads.LatestRun> latest =
                    reads.latestRuns(batch.jobs().keySet());
            batch.jobs().forEach((job, time) -> {
                var change = builder(changes, NodeKind.JOB, job.namespace(), job.name())
                        .seen(time);
                change.reasons.add("RUN_STATE");
                LiveReads.LatestRun run = latest.get(job);
                if (run != null) {
                    change.latestRunId = run.runId();
                    change.latestRunState = run.state();
                }
            });
        }
        if (!batch.edges().isEmpty()) {
            for (Edge edge : reads.newEdges(batch.edges())) {
                OffsetDateTime time = batch.edges().get(edge);
                String job = NodeId.of(
                        NodeKind.JOB, edge.job().namespace(), edge.job().name());
                String dataset = NodeId.of(
                        NodeKind.DATASET,
                        edge.dataset().namespace(),
                        edge.dataset().name());
                var drawn = edge.input() ? new LineageChange.Edge(dataset, job) : new LineageChange.Edge(job, dataset);
                for (var change : List.of(
                        builder(
                                changes,
                                NodeKind.JOB,
                                edge.job().namespace(),
                                edge.job().name()),
                        builder(
                                changes,
                                NodeKind.DATASET,
                                edge.dataset().namespace(),
                                edge.dataset().name()))) {
                    change.seen(time).reasons.add("NEW_EDGE");
                    change.edges.add(drawn);
                }
            }
        }
        return changes.values().stream().map(ChangeBuilder::build).toList();
    }

    private static ChangeBuilder builder(
            Map<String, ChangeBuilder> changes, NodeKind kind, String namespace, String name) {
        String id = NodeId.of(kind, namespace, name);
        return changes.computeIfAbsent(id, i -> new ChangeBuilder(i, kind, namespace, name));
    }

    private static final class ChangeBuilder {
        private final String id;
        private final NodeKind kind;
        private final String namespace;
        private final String name;
        private final Set<String> reasons = new LinkedHashSet<>();
        private final List<LineageChange.Edge> edges = new ArrayList<>();
        private String latestRunId;
        private String latestRunState;
        private OffsetDateTime time;

        private ChangeBuilder(String id, NodeKind kind, String namespace, String name) {
            this.id = id;
            this.kind = kind;
            this.namespace = namespace;
            this.name = name;
        }

        ChangeBuilder seen(OffsetDateTime at) {
            time = time == null || at.isAfter(time) ? at : time;
            return this;
        }

        LineageChange build() {
            return new LineageChange(
                    id,
                    kind.name(),
                    namespace,
                    name,
                    List.copyOf(reasons),
                    latestRunId,
                    latestRunState,
                    List.copyOf(edges),
                    time);
        }
    }
}
