package io.tributary.write;

import io.tributary.event.LineageEvent;
import io.tributary.store.Batch;
import io.tributary.store.GraphStore;
import io.tributary.store.GraphStore.Writes;
import io.tributary.write.IngestRows.Namespaces;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of events, archive and graph together, in one transaction: either every effect of every event in it
 * is committed, or none is. Statements run in dependency order (nodes before the edges between them). Public for the
 * benchmark's raw ceiling, which writes with it over a store of its own.
 */
@Component
public class GraphWriter {

    private final GraphStore store;
    /** False only in the benchmark's measure of what version bookkeeping costs ({@link #withoutVersions}). */
    private final boolean versions;

    @Autowired
    public GraphWriter(GraphStore store) {
        this(store, true);
    }

    private GraphWriter(GraphStore store, boolean versions) {
        this.store = store;
        this.versions = versions;
    }

    /**
     * For the benchmark only ({@code bench.mode=versions}): a writer that skips the version bookkeeping (dataset
     * versions, job versions, current-lineage settling), so that the same events projected with and without it show
     * what it costs. Its graph answers no version, run-lineage or current-lineage question correctly; no configuration
     * reaches it.
     */
    public static GraphWriter withoutVersions(GraphStore store) {
        return new GraphWriter(store, false);
    }

    public void write(List<LineageEvent> batch, Duration timeout) {
        EventRows rows = EventRows.of(batch);
        store.writeTransaction(timeout, writes -> {
            write(writes, rows);
            return null;
        });
    }

    /**
     * Writes the graph of a window of events (not their archive nodes) inside the caller's transaction: the
     * projector's step, committed with the projector's position. The window is coalesced as a batch is (one row per
     * node and edge key, see {@link EventRows}), under the same order-independent rules.
     */
    public void project(Writes writes, List<LineageEvent> window) {
        if (!window.isEmpty()) {
            writeGraph(writes, EventRows.of(window, false));
        }
    }

    private void write(Writes writes, EventRows rows) {
        run(writes, "ingest/archive-events", rows.events);
        writeGraph(writes, rows);
    }

    private void writeGraph(Writes writes, EventRows rows) {
        if (!rows.namespaces.isEmpty()) {
            writes.run("ingest/upsert-namespaces", new Namespaces(rows.namespaces));
        }
        run(writes, "ingest/upsert-jobs", rows.jobs);
        run(writes, "ingest/upsert-datasets", rows.datasets);
        // Only schemas that change a field are written field by field (a rerun's usually do not).
        run(writes, "ingest/upsert-fields", rows.schemaFields(changing(writes, "ingest/upsert-schemas", rows.schemas)));
        run(writes, "ingest/upsert-runs", rows.runs);
        run(writes, "ingest/link-run-parents", rows.parents);
        run(writes, "ingest/link-run-inputs", rows.runInputs);
        run(writes, "ingest/link-run-outputs", rows.runOutputs);
        if (versions) {
            // After the runs and their WROTE edges: each version is made from what the graph holds of its run.
            run(writes, "ingest/upsert-dataset-versions", rows.versionRuns);
        }
        run(writes, "ingest/link-job-inputs", rows.jobInputs);
        run(writes, "ingest/link-job-outputs", rows.jobOutputs);
        if (versions) {
            writeJobVersions(writes, rows);
        }
        // A rerun repeating its dataset's newest column-lineage facet is settled: its edges are not checked one by one.
        var settled = changing(writes, "ingest/upsert-column-lineage-versions", rows.lineageVersions);
        // The check reads only the key columns; the whole row is sent only for the rows that change.
        var lineage = changing(writes, "ingest/column-lineage-changes", rows.columnLineageToCheck(settled));
        run(writes, "ingest/upsert-column-lineage", rows.columnLineage(lineage));
        run(writes, "ingest/link-symlinks", rows.symlinks);
        run(writes, "ingest/link-job-dependencies", rows.jobDependencies);
        run(writes, "ingest/upsert-quality", rows.quality);
        run(writes, "ingest/point-latest-runs", rows.lineageJobs);
    }

    /**
     * A run's job version is hashed from what the graph holds of it after this batch (its events accumulate, in any
     * order), then each touched job's edges are marked current or history by its latest version.
     */
    private static void writeJobVersions(Writes writes, EventRows rows) {
        run(writes, "ingest/upsert-run-definitions", rows.runDefinitions);
        if (!rows.versionRuns.isEmpty()) {
            var ended = writes.run("ingest/run-versions", new Batch(rows.versionRuns), result -> result.list());
            run(writes, "ingest/link-job-versions", JobDefinitions.of(ended));
        }
        run(writes, "ingest/settle-current-lineage", rows.lineageJobs);
    }

    /**
     * Runs every statement {@link #write} would run for the batch, in a transaction that is rolled back: nothing is
     * written, but each statement is planned and its plan cached, as the first real write would otherwise do.
     */
    void rehearse(List<LineageEvent> batch, Duration timeout) {
        EventRows rows = EventRows.of(batch);
        store.rehearseWriteTransaction(timeout, writes -> write(writes, rows));
    }

    /** Runs a statement that returns the {@code index} of each of its rows that changes the graph; those indexes. */
    private static List<Integer> changing(Writes writes, String statement, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return writes.run(
                statement,
                new Batch(rows),
                result -> result.list(r -> r.get("index").asInt()));
    }

    private static void run(Writes writes, String statement, List<? extends Record> rows) {
        if (!rows.isEmpty()) {
            writes.run(statement, new Batch(rows));
        }
    }
}
