package io.tributary.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import io.tributary.log.EventLog;
import io.tributary.log.EventRecord;
import io.tributary.log.EventSource;
import io.tributary.log.LogPosition;
import io.tributary.log.LoggedEvent;
import io.tributary.store.GraphStore;
import io.tributary.store.GraphStore.Writes;
import io.tributary.write.CommittedEvents;
import io.tributary.write.GraphChanges;
import io.tributary.write.GraphWriter;
import io.tributary.write.WriteRehearsal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Builds the graph from the event log: one thread reads committed events in log order from its recorded position and
 * applies them in windows, each one transaction that also records the position it ends at (so a restart resumes
 * exactly where the last committed window ended, and a window is never half applied). A window is whatever the log
 * holds past the position, up to {@code windowMaxEvents}: under load windows grow by themselves while the previous one
 * commits, as group commit does, and coalescing (one row per node and edge key per window, {@link GraphWriter#project})
 * turns reruns into single rows. The statements keep today's order-independent rules, so any order of arrival and any
 * redelivery give the same graph.
 *
 * <p>Failures: when the database is unreachable (or the window times out) the same window is tried again after a
 * pause; when a window fails otherwise, its events are applied one by one, and an event that still fails (a bug, not
 * bad input: bad input is refused before the log) is quarantined with its error and skipped, so it never blocks the
 * others. Events are published to listeners (alerts, live) after their window commits.
 *
 * <p>Replicas sharing one log (the Neo4j log) elect one projector through a {@link ProjectorLease}: the holder projects
 * and fences each window's transaction with its token; the others follow, polling the recorded position so that their
 * reads can wait for a position (read-your-writes on any replica), and take over once the lease expires.
 */
public final class Projector implements SmartLifecycle, WriteRehearsal {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration UNREACHABLE_BACKOFF = Duration.ofSeconds(1);
    /** How often a follower reads the position the projecting replica recorded. */
    private static final Duration FOLLOW_POLL = Duration.ofMillis(50);
    /** How often the projector reads whether a rebuild was asked for (on this replica it is woken at once). */
    private static final Duration REBUILD_CHECK = Duration.ofSeconds(1);

    private final EventLog eventLog;
    private final GraphStore store;
    private final ProjectionStore projection;
    private final GraphWriter writer;
    private final EventParser parser;
    private final CommittedEvents committed;
    private final GraphChanges changes;
    private final ProjectionProgress progress;
    private final ProjectionProperties settings;
    /** The file log's events get their archive nodes here; the Neo4j log's events are already archive nodes. */
    private final boolean archive;
    /** Null for a log of this process alone (the file log): then this projector is the only one. */
    private final ProjectorLease lease;

    private final RebuildStore rebuilds;
    /** The rebuild in progress as last read (null: none); read again at most every second, or when one is asked. */
    private volatile RebuildState rebuild;

    private volatile boolean rebuildAsked = true;
    private long nextRebuildCheck;
    /** When a follower claims the lease next (System.nanoTime()). */
    private long nextClaim;

    private final Timer windows;
    private final DistributionSummary windowEvents;
    private final Counter projectedEvents;
    private final Counter quarantinedEvents;
    private final Counter rebuildsDone;
    private final Counter replayedEvents;
    private final MeterRegistry meters;

    private final Object appended = new Object();
    private volatile boolean running;
    private Thread thread;
    private LogPosition position = LogPosition.START;

    Projector(
            EventLog eventLog,
            GraphStore store,
            GraphWriter writer,
            EventParser parser,
            CommittedEvents committed,
            GraphChanges changes,
            ProjectionProgress progress,
            ProjectionProperties settings,
            MeterRegistry meters,
            String holder) {
        this.eventLog = eventLog;
        this.store = store;
        this.projection = new ProjectionStore(store, eventLog.name(), settings.writeTimeout());
        this.writer = writer;
        this.parser = parser;
        this.committed = committed;
        this.changes = changes;
        this.progress = progress;
        this.settings = settings;
        this.archive = eventLog.name().equals("file");
        this.rebuilds = new RebuildStore(store, eventLog.name());
        this.meters = meters;
        this.lease = eventLog.name().equals("file")
                ? null
                : new ProjectorLease(store, eventLog.name(), holder, settings.leaseTtl());
        this.windows = Timer.builder("tributary.projection.window")
                .description("Time to apply one window of logged events to the graph")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.windowEvents = DistributionSummary.builder("tributary.projection.window.events")
                .description("Events per projected window")
                .register(meters);
        this.projectedEvents = Counter.builder("tributary.projection.events")
                .description("Events applied to the graph by the projector")
                .register(meters);
        this.quarantinedEvents = Counter.builder("tributary.projection.quarantined.events")
                .description("Events the projector could not apply, quarantined with their error")
                .register(meters);
        this.rebuildsDone = Counter.builder("tributary.projection.rebuilds")
                .description("Rebuilds of the graph from the event log completed by this process")
                .register(meters);
        this.replayedEvents = Counter.builder("tributary.projection.rebuild.replayed.events")
                .description("Events replayed by rebuilds of the graph")
                .register(meters);
        progress.onAppend(this::appended);
        meters.gauge("tributary.projection.lag.seconds", progress, p -> p.lag().toNanos() / 1e9);
        meters.gauge("tributary.projection.waiting.events", progress, ProjectionProgress::waiting);
        meters.gauge(
                "tributary.projection.position", progress, p -> p.projected().value());
    }

    ProjectionStore store() {
        return projection;
    }

    /** The lease, or null when this projector needs none (the file log). */
    ProjectorLease lease() {
        return lease;
    }

    /** Whether this process projects: it holds the lease, or needs none. */
    boolean projecting() {
        return lease == null || lease.held();
    }

    /** Wakes the projector: events were appended (it also polls, for appends of other replicas). */
    void appended() {
        synchronized (appended) {
            appended.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (lease != null && !leading()) {
                    follow();
                    continue;
                }
                RebuildState due = rebuildDue();
                if (due != null) {
                    rebuild(due);
                    continue;
                }
                List<LoggedEvent> window = read();
                if (window.isEmpty()) {
                    progress.caughtUp();
                    idle();
                    continue;
                }
                progress.pending(window.getFirst().record().receivedAt());
                apply(window, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ProjectorLease.LeaseLostException e) {
                // The window was rolled back; whoever holds the lease now projects it (or this replica, on renewal).
                log.warn("{}; following until the lease is held again", e.getMessage());
                lease.lost();
            } catch (RuntimeException e) {
                // Reading the log failed (the database, for the Neo4j log; a damaged file): keep trying, loudly.
                log.error("The projector cannot read the event log; retrying", e);
                sleep(UNREACHABLE_BACKOFF);
            }
        }
    }

    /**
     * Whether this replica holds the lease and may project: renews it when half its term is gone, claims it when it
     * is not held (at most every quarter term while another replica holds it). On a take, resumes from the position
     * the previous holder recorded.
     */
    private boolean leading() {
        if (lease.held() && !lease.renewalDue()) {
            return true;
        }
        if (!lease.held() && System.nanoTime() - nextClaim < 0) {
            return false;
        }
        var claim = lease.claim();
        switch (claim.outcome()) {
            case TAKEN -> {
                position = projection.position();
                progress.advanced(position);
                log.info(
                        "This replica ({}) now projects the {} log, token {}, from position {}",
                        lease.holder(),
                        eventLog.name(),
                        claim.token(),
                        position.value());
                return true;
            }
            case RENEWED -> {
                return true;
            }
            default -> {
                nextClaim = System.nanoTime() + lease.ttl().toNanos() / 4;
                return false;
            }
        }
    }

    /** Another replica projects: take on the position it recorded, so that reads here wait for the right thing. */
    private void follow() throws InterruptedException {
        progress.caughtUp();
        refreshRebuild();
        LogPosition recorded = projection.position();
        if (recorded.isAfter(position)) {
            // What the projecting replica applied up to there, told to this replica's copies of the graph first.
            if (changes.wanted()) {
                changes.committed(projectedBy(recorded));
            }
            position = recorded;
            progress.advanced(recorded);
        }
        synchronized (appended) {
            appended.wait(FOLLOW_POLL.toMillis());
        }
    }

    /** The events of the log from this replica's position up to {@code recorded} (another replica projected them). */
    private List<LineageEvent> projectedBy(LogPosition recorded) {
        var events = new ArrayList<LineageEvent>();
        LogPosition from = position;
        while (recorded.isAfter(from)) {
            List<LoggedEvent> read = eventLog.read(from, settings.windowMaxEvents());
            if (read.isEmpty()) {
                break;
            }
            for (LoggedEvent logged : read) {
                if (recorded.isAfter(logged.position()) || recorded.equals(logged.position())) {
                    try {
                        events.add(parser.parseAccepted(
                                logged.record().json(), logged.record().id()));
                    } catch (RuntimeException e) {
                        // Quarantined by the projecting replica: it changed nothing.
                    }
                }
            }
            from = read.getLast().position();
        }
        return events;
    }

    /** The next window: what the log holds past the position, up to the window's size and read time. */
    private List<LoggedEvent> read() {
        long started = System.nanoTime();
        var window = new ArrayList<LoggedEvent>();
        LogPosition from = position;
        while (window.size() < settings.windowMaxEvents()
                && System.nanoTime() - started < settings.windowMaxTime().toNanos()) {
            List<LoggedEvent> read = eventLog.read(from, settings.windowMaxEvents() - window.size());
            if (read.isEmpty()) {
                break;
            }
            window.addAll(read);
            from = read.getLast().position();
        }
        return window;
    }

    private void idle() throws InterruptedException {
        LogPosition committed = eventLog.committedPosition();
        if (lease != null
                && committed.isAfter(position)
                && eventLog.read(position, 1).isEmpty()) {
            // The Neo4j log gives numbers to redelivered events that hold none: nothing is left up to the committed
            // position read before, so the projection is there. Recorded (fenced), for followers and for readers
            // waiting for that position; otherwise they would wait out their bound and this loop would spin.
            store.writeTransaction(settings.writeTimeout(), writes -> {
                fence(writes);
                projection.advance(writes, committed);
                return null;
            });
            advanced(committed);
        }
        synchronized (appended) {
            if (!eventLog.committedPosition().isAfter(position)) {
                appended.wait(IDLE_POLL.toMillis());
            }
        }
    }

    /** Applies a window, retrying it while the database is unreachable, event by event when it fails otherwise. */
    private void apply(List<LoggedEvent> window, boolean replay) throws InterruptedException {
        while (running) {
            try {
                commit(window, replay);
                return;
            } catch (ProjectorLease.LeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                if (databaseTrouble(e)) {
                    log.warn(
                            "Projection of {} events paused {} ms: {}",
                            window.size(),
                            UNREACHABLE_BACKOFF.toMillis(),
                            e.toString());
                    sleep(UNREACHABLE_BACKOFF);
                } else if (window.size() > 1) {
                    log.warn(
                            "A window of {} events failed ({}); applying them one by one", window.size(), e.toString());
                    for (LoggedEvent event : window) {
                        apply(List.of(event), replay);
                    }
                    return;
                } else {
                    quarantine(window.getFirst(), e, replay);
                    return;
                }
            }
        }
    }

    /**
     * One transaction: the lease's fence (shared log), the window's archive nodes (file log), its graph, and the
     * position it ends at. A rebuild's {@code replay} writes no archive nodes (every replayed event was projected,
     * and archived, before: the rebuild catches up first; a purged one stays purged), counts the events in the
     * rebuild's state, and publishes nothing (alerts and live updates were sent when the events came).
     */
    void commit(List<LoggedEvent> window, boolean replay) {
        var events = new ArrayList<LineageEvent>(window.size());
        var unreadable = new ArrayList<ProjectionStore.Quarantined>();
        parse(window, events, unreadable);
        LogPosition end = window.getLast().position();
        long started = System.nanoTime();
        store.writeTransaction(settings.writeTimeout(), writes -> {
            fence(writes);
            write(writes, window, events, unreadable, end, archive && !replay);
            if (replay) {
                rebuilds.replayed(writes, window.size());
            }
            return null;
        });
        windows.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        windowEvents.record(window.size());
        projectedEvents.increment(events.size());
        quarantinedEvents.increment(unreadable.size());
        if (replay) {
            position = end;
            replayedEvents.increment(window.size());
            return;
        }
        // Copies of the graph (the lineage index) catch up before readers waiting for this position are let through.
        changes.committed(events);
        advanced(end);
        if (window.size() < settings.windowMaxEvents()) {
            // The log had no more than this: caught up until the next read says otherwise.
            progress.caughtUp();
        }
        committed.published(events);
    }

    private void parse(
            List<LoggedEvent> window, List<LineageEvent> events, List<ProjectionStore.Quarantined> unreadable) {
        for (LoggedEvent logged : window) {
            try {
                events.add(parser.parseAccepted(
                        logged.record().json(), logged.record().id()));
            } catch (RuntimeException e) {
                // Accepted by the build that logged it, unreadable to this one: kept for a build that reads it again.
                unreadable.add(projection.quarantined(logged, e));
            }
        }
    }

    private void write(
            Writes writes,
            List<LoggedEvent> window,
            List<LineageEvent> events,
            List<ProjectionStore.Quarantined> unreadable,
            LogPosition end,
            boolean archived) {
        if (archived) {
            projection.archive(writes, window);
        }
        writer.project(writes, events);
        projection.quarantine(writes, unreadable);
        projection.advance(writes, end);
    }

    /**
     * A window of {@code events} as if read from the log, in a transaction that is rolled back (the start-up warm-up):
     * the statements only the projector runs (the file log's archive nodes, the position) are planned, and the
     * window's code runs once, before the first real window. The position written is the start, which never moves
     * the recorded one back (and nothing is committed).
     */
    @Override
    public void rehearse(List<LineageEvent> events, Duration timeout) {
        Instant now = Instant.now();
        var window = events.stream()
                .map(e -> new LoggedEvent(LogPosition.START, EventRecord.of(e, EventSource.HTTP, now)))
                .toList();
        var parsed = new ArrayList<LineageEvent>(window.size());
        var unreadable = new ArrayList<ProjectionStore.Quarantined>();
        parse(window, parsed, unreadable);
        store.rehearseWriteTransaction(
                timeout, writes -> write(writes, window, parsed, unreadable, LogPosition.START, archive));
    }

    /** Records the event with its error, and its archive node (file log), and moves past it. */
    private void quarantine(LoggedEvent event, RuntimeException error, boolean replay) throws InterruptedException {
        log.error(
                "Event {} at log position {} cannot be projected; quarantined",
                event.record().id(),
                event.position().value(),
                error);
        var row = projection.quarantined(event, error);
        while (running) {
            try {
                store.writeTransaction(settings.writeTimeout(), writes -> {
                    fence(writes);
                    if (archive && !replay) {
                        projection.archive(writes, List.of(event));
                    }
                    projection.quarantine(writes, List.of(row));
                    projection.advance(writes, event.position());
                    if (replay) {
                        rebuilds.replayed(writes, 1);
                    }
                    return null;
                });
                quarantinedEvents.increment();
                if (replay) {
                    position = event.position();
                    replayedEvents.increment();
                } else {
                    advanced(event.position());
                }
                return;
            } catch (ProjectorLease.LeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not quarantine event {}: {}; retrying",
                        event.record().id(),
                        e.toString());
                sleep(UNREACHABLE_BACKOFF);
            }
        }
    }

    /** A window outside a rebuild (tests commit windows directly). */
    void commit(List<LoggedEvent> window) {
        commit(window, false);
    }

    /**
     * Asks for a rebuild of the graph from the log, up to the position committed now; the projecting replica runs it.
     * {@link RebuildInProgressException} (409) when one is in progress; {@link RebuildRefusedException} (409) when the
     * archive holds events the file log does not (the Neo4j log is the archive itself).
     */
    RebuildState requestRebuild() {
        if (rebuilds.state().active()) {
            throw RebuildInProgressException.conflict(rebuilds.state());
        }
        if (archive) {
            long missing = ArchiveCoverage.notInLog(eventLog, rebuilds::archivedIds);
            if (missing > 0) {
                throw new RebuildRefusedException(missing);
            }
        }
        if (!rebuilds.request(eventLog.committedPosition().value())) {
            throw RebuildInProgressException.conflict(rebuilds.state());
        }
        rebuildAsked = true;
        appended();
        return rebuilds.state();
    }

    RebuildState rebuildState() {
        return rebuilds.state();
    }

    /**
     * Reads the rebuild's state again (at once after a request here or a failed step; with a shared log also every
     * second, for requests made on other replicas) and tells readers.
     */
    private void refreshRebuild() {
        if (!rebuildAsked && (lease == null || System.nanoTime() - nextRebuildCheck < 0)) {
            // The file log is this process's alone: only a request here (or the start) asks for a rebuild.
            return;
        }
        rebuildAsked = false;
        nextRebuildCheck = System.nanoTime() + REBUILD_CHECK.toNanos();
        RebuildState state = rebuilds.state();
        boolean was = rebuild != null;
        rebuild = state.active() ? state : null;
        // Copies of the graph (the lineage index) are dropped while it is rebuilt and taken again after, on every
        // replica: the projecting one also says so itself, in rebuild().
        if (!was && rebuild != null) {
            changes.replacing();
        } else if (was && rebuild == null) {
            changes.replaced();
        }
        progress.rebuilding(rebuild != null && rebuild.phase() != RebuildState.Phase.REQUESTED);
    }

    /**
     * The rebuild to run now, or null. A requested one first lets the projector catch up to its target as usual: then
     * every event it replays has been projected (and archived) once, and the hand-set values kept aside are those of
     * a graph that holds every event before the request.
     */
    private RebuildState rebuildDue() {
        refreshRebuild();
        RebuildState due = rebuild;
        if (due == null
                || (due.phase() == RebuildState.Phase.REQUESTED && new LogPosition(due.target()).isAfter(position))) {
            return null;
        }
        return due;
    }

    /**
     * Runs the rest of a rebuild, from the phase it is in (a restart resumes it): keep hand-set values aside and clear
     * the graph in batches, replay the log from its start to the target through the projector's own windows, set the
     * hand-set values again. Each step's end is committed with the phase that follows. A failed step is recorded in
     * the state and tried again: the graph must not stay half rebuilt.
     */
    private void rebuild(RebuildState state) throws InterruptedException {
        progress.rebuilding(true);
        progress.caughtUp();
        changes.replacing();
        try {
            RebuildState.Phase phase = state.phase();
            if (phase == RebuildState.Phase.REQUESTED || phase == RebuildState.Phase.CLEARING) {
                log.info("Rebuilding the graph from the {} log up to position {}", eventLog.name(), state.target());
                if (!clear()) {
                    return;
                }
                phase = RebuildState.Phase.REPLAYING;
            }
            if (phase == RebuildState.Phase.REPLAYING) {
                if (!replay(new LogPosition(state.target()))) {
                    return;
                }
                phase = RebuildState.Phase.RESTORING;
            }
            if (phase == RebuildState.Phase.RESTORING && !restore()) {
                return;
            }
            rebuild = null;
            rebuildsDone.increment();
            changes.replaced();
            advanced(position);
            progress.rebuilding(false);
            var done = rebuilds.state();
            log.info(
                    "Rebuilt the graph from the {} log: {} events replayed (clearing {} ms, replay {} ms, restoring {}"
                            + " ms), {} datasets and jobs with hand-set values kept",
                    eventLog.name(),
                    done.replayed(),
                    done.clearMs(),
                    done.replayMs(),
                    done.restoreMs(),
                    done.kept());
        } catch (ProjectorLease.LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("A step of the rebuild failed; trying it again", e);
            try {
                rebuilds.failed(e);
            } catch (RuntimeException again) {
                log.warn("Could not record the rebuild's failure: {}", again.toString());
            }
            rebuildAsked = true;
            sleep(UNREACHABLE_BACKOFF);
        }
    }

    /** Keeps hand-set values aside, then deletes the projected graph label by label in batches; false if stopped. */
    private boolean clear() {
        long started = System.nanoTime();
        long kept = store.writeTransaction(settings.writeTimeout(), writes -> {
            fence(writes);
            long count = rebuilds.keep(writes);
            rebuilds.phase(writes, new RebuildStore.Step(RebuildState.Phase.CLEARING, count, null, null, null));
            return count;
        });
        log.info("Rebuild: hand-set values of {} datasets and jobs kept aside; clearing the graph", kept);
        int batch = settings.rebuildClearBatch();
        for (String label : RebuildStore.GRAPH_LABELS) {
            long deleted;
            do {
                if (!running) {
                    return false;
                }
                deleted = store.writeTransaction(settings.writeTimeout(), writes -> {
                    fence(writes);
                    return rebuilds.clear(writes, label, batch);
                });
            } while (deleted == batch);
        }
        long clearMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        store.writeTransaction(settings.writeTimeout(), writes -> {
            fence(writes);
            rebuilds.replayFromStart(writes, clearMs);
            return null;
        });
        phaseTime("clear", started);
        position = LogPosition.START;
        return true;
    }

    /**
     * Replays the log from the recorded position (the start, or where a crash left the replay) to {@code target} in
     * large windows through {@link #apply}: the same coalescing, the same statements, the same quarantine. False if
     * stopped.
     */
    private boolean replay(LogPosition target) throws InterruptedException {
        long started = System.nanoTime();
        log.info(
                "Rebuild: replaying the {} log from position {} to {}",
                eventLog.name(),
                position.value(),
                target.value());
        while (target.isAfter(position)) {
            if (!running) {
                return false;
            }
            List<LoggedEvent> window = replayWindow(target);
            if (window.isEmpty()) {
                // Nothing left up to the target: numbers without events (the Neo4j log's redeliveries).
                break;
            }
            apply(window, true);
        }
        if (!running) {
            return false;
        }
        long replayMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        store.writeTransaction(settings.writeTimeout(), writes -> {
            fence(writes);
            projection.advance(writes, target);
            rebuilds.phase(writes, new RebuildStore.Step(RebuildState.Phase.RESTORING, null, null, replayMs, null));
            return null;
        });
        phaseTime("replay", started);
        if (target.isAfter(position)) {
            position = target;
        }
        return true;
    }

    /** Up to a rebuild window of events after the position, none past the target. */
    private List<LoggedEvent> replayWindow(LogPosition target) {
        int max = settings.rebuildWindowEvents();
        var window = new ArrayList<LoggedEvent>(max);
        LogPosition from = position;
        while (window.size() < max) {
            List<LoggedEvent> read = eventLog.read(from, max - window.size());
            if (read.isEmpty()) {
                break;
            }
            for (LoggedEvent event : read) {
                if (event.position().isAfter(target)) {
                    return window;
                }
                window.add(event);
            }
            from = read.getLast().position();
        }
        return window;
    }

    /** Sets the kept hand-set values again, in batches, and ends the rebuild; false if stopped. */
    private boolean restore() {
        long started = System.nanoTime();
        int batch = settings.rebuildClearBatch();
        long restored;
        do {
            if (!running) {
                return false;
            }
            restored = store.writeTransaction(settings.writeTimeout(), writes -> {
                fence(writes);
                return rebuilds.restore(writes, batch);
            });
        } while (restored == batch);
        long restoreMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        store.writeTransaction(settings.writeTimeout(), writes -> {
            fence(writes);
            rebuilds.phase(writes, new RebuildStore.Step(RebuildState.Phase.DONE, null, null, null, restoreMs));
            return null;
        });
        phaseTime("restore", started);
        return true;
    }

    private void phaseTime(String phase, long started) {
        Timer.builder("tributary.projection.rebuild")
                .description("Time a step of a rebuild of the graph took (clear, replay, restore)")
                .tag("phase", phase)
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private void fence(GraphStore.Writes writes) {
        if (lease != null) {
            lease.fence(writes);
        }
    }

    private void advanced(LogPosition end) {
        position = end;
        progress.advanced(end);
    }

    /** The database, not the window, is the problem: the same window will succeed once it is back. */
    private static boolean databaseTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetryableException) {
                return true;
            }
            if (t instanceof ClientException client
                    && client.code() != null
                    && (client.code().contains("TransactionTimedOut")
                            || client.code().contains("Terminated"))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        nextClaim = System.nanoTime();
        position = projection.position();
        progress.advanced(position);
        // A rebuild a crash interrupted: reads do not wait for a position the replay has yet to reach.
        refreshRebuild();
        log.info(
                "Projector resumes the {} event log after position {} (committed: {})",
                eventLog.name(),
                position.value(),
                eventLog.committedPosition().value());
        running = true;
        thread = Thread.ofPlatform().name("tributary-projector").daemon(false).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        appended();
        try {
            if (thread != null && !thread.join(Duration.ofSeconds(30))) {
                log.warn("The projector did not finish its window within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lease != null && (thread == null || !thread.isAlive())) {
            try {
                lease.release();
            } catch (RuntimeException e) {
                // The database may be gone already: the lease then expires by itself.
                log.warn("Could not hand back the projector lease: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database and stops before it closes (and before the log closes, a bean destroyed later). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
