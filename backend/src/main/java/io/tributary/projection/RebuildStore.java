package io.tributary.projection;

import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.GraphStore.Writes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/** The rebuild's statements ({@code cypher/projection/rebuild-*}): its state node, keeping aside, clearing, restoring. */
final class RebuildStore {

    /**
     * The labels the projector builds, cleared in this order: runs and the nodes hanging off datasets and jobs first,
     * so that a dataset or job is deleted once its many run edges are gone. Quarantined events go too: the replay
     * quarantines again what still fails, and a fixed build lets the others through.
     */
    static final List<String> GRAPH_LABELS = List.of(
            "Run",
            "DatasetVersion",
            "QualityCheck",
            "JobVersion",
            "Field",
            "SchemaVersion",
            "ColumnLineageVersion",
            "Dataset",
            "Job",
            "Namespace",
            "QuarantinedEvent");

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final GraphStore store;
    private final String log;

    RebuildStore(GraphStore store, String log) {
        this.store = store;
        this.log = log;
    }

    /** Asks for a rebuild up to {@code target}; false when one is in progress already (nothing changed). */
    boolean request(long target) {
        return !store.write(
                "projection/rebuild-request",
                new Request(log, target, now()),
                TIMEOUT,
                result -> result.single().get("alreadyRunning").asBoolean());
    }

    /** A page of the archive's event ids after {@code after}, in id order ({@link ArchiveCoverage}). */
    List<String> archivedIds(String after, int limit) {
        return store.read(
                "projection/rebuild-archived-ids",
                new ArchivedIds(after, limit),
                TIMEOUT,
                result -> result.list(r -> r.get("id").asString()));
    }

    /** Under the rebuild's own limit: the projector reads it in its loop, and a small users' limit must not stall it. */
    RebuildState state() {
        return store.read(
                "projection/rebuild-state",
                Map.of("log", log),
                TIMEOUT,
                result -> result.hasNext() ? state(result.next()) : RebuildState.NONE);
    }

    private static RebuildState state(Record r) {
        return new RebuildState(
                RebuildState.Phase.valueOf(r.get("phase").asString()),
                r.get("target").asLong(0),
                r.get("replayed").asLong(0),
                r.get("kept").asLong(0),
                r.get("cleared").asLong(0),
                DriverValues.time(r.get("startedAt")),
                DriverValues.time(r.get("finishedAt")),
                DriverValues.string(r.get("error")),
                DriverValues.time(r.get("errorAt")),
                DriverValues.number(r.get("clearMs")),
                DriverValues.number(r.get("replayMs")),
                DriverValues.number(r.get("restoreMs")));
    }

    /** Hand-set values kept aside; how many datasets and jobs have some. */
    long keep(Writes writes) {
        return writes.run(
                "projection/rebuild-keep",
                new Logged(log),
                result -> result.single().get("kept").asLong());
    }

    /** Deletes up to {@code batch} nodes of {@code label}; how many. */
    long clear(Writes writes, String label, int batch) {
        long deleted = writes.run(
                "projection/rebuild-clear",
                new Clearing(label, batch),
                result -> result.single().get("deleted").asLong());
        if (deleted > 0) {
            writes.run("projection/rebuild-cleared", new Cleared(log, deleted));
        }
        return deleted;
    }

    /** Clearing is done: the position goes back to the start, and the replay begins. */
    void replayFromStart(Writes writes, long clearMs) {
        writes.run("projection/rebuild-replay-from-start", new ReplayFromStart(log, clearMs, now()));
    }

    /** In a replayed window's transaction. */
    void replayed(Writes writes, int events) {
        writes.run("projection/rebuild-replayed", new Replayed(log, events));
    }

    /** Restores up to {@code batch} kept datasets and jobs; how many. */
    long restore(Writes writes, int batch) {
        return writes.run(
                "projection/rebuild-restore",
                new Restoring(batch),
                result -> result.single().get("restored").asLong());
    }

    void phase(Writes writes, Step step) {
        writes.run(
                "projection/rebuild-phase",
                new PhaseChange(
                        log,
                        step.phase().name(),
                        step.kept(),
                        step.clearMs(),
                        step.replayMs(),
                        step.restoreMs(),
                        now()));
    }

    /** Best effort: the failure shows in the state while the step is tried again. */
    void failed(Throwable error) {
        String message = String.valueOf(error);
        store.write(
                "projection/rebuild-error",
                new Failure(log, message.length() > 2_000 ? message.substring(0, 2_000) + "…" : message, now()),
                TIMEOUT,
                result -> result.consume());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A phase change, with the figure the finished step adds (null: unchanged). */
    record Step(RebuildState.Phase phase, Long kept, Long clearMs, Long replayMs, Long restoreMs) {

        static Step to(RebuildState.Phase phase) {
            return new Step(phase, null, null, null, null);
        }
    }

    private record Request(String log, long target, OffsetDateTime now) {}

    private record Logged(String log) {}

    private record ArchivedIds(String after, int limit) {}

    private record Clearing(String label, int batch) {}

    private record Cleared(String log, long cleared) {}

    private record ReplayFromStart(String log, long clearMs, OffsetDateTime now) {}

    private record Replayed(String log, int events) {}

    private record Restoring(int batch) {}

    private record PhaseChange(
            String log, String phase, Long kept, Long clearMs, Long replayMs, Long restoreMs, OffsetDateTime now) {}

    private record Failure(String log, String error, OffsetDateTime now) {}
}
