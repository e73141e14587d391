package io.tributary.write;

import io.tributary.event.LineageEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Which datasets and jobs a committed write touched, told to what keeps a copy of the graph (the lineage index)
 * synchronously, after the commit and before readers are told (the projector's position, an ingest's answer), so that
 * a copy is never ahead of the database nor behind what a read-your-writes reader waits for.
 */
@Component
public class GraphChanges {

    /** A dataset or job by its key. */
    public record Touched(boolean job, String namespace, String name) {}

    /** What keeps a copy: re-reads the touched nodes, as they now stand in the database. */
    public interface Listener {
        /** Datasets and jobs by key, runs by id (a run's reads and versions change only with its own events). */
        void committed(List<Touched> touched, List<String> runs);

        /** Whether it keeps a copy now (a disabled or unloaded index does not: nothing need be read for it). */
        boolean listening();

        /** The whole graph is about to be cleared and rebuilt from the log: a copy is no longer right. */
        default void replacing() {}

        /** The graph was rebuilt: a copy must be taken anew. */
        default void replaced() {}
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** Whether any listener keeps a copy now: a replica that follows reads the log for them only then. */
    public boolean wanted() {
        for (Listener listener : listeners) {
            if (listener.listening()) {
                return true;
            }
        }
        return false;
    }

    /** A rebuild of the graph from the log starts (or was seen starting on another replica). */
    public void replacing() {
        listeners.forEach(Listener::replacing);
    }

    /** A rebuild of the graph is done. */
    public void replaced() {
        listeners.forEach(Listener::replaced);
    }

    /** After the transaction that wrote these events committed. */
    public void committed(List<LineageEvent> events) {
        tell(of(events), runsOf(events));
    }

    /** After a transaction that changed these nodes committed (a soft delete, a restore). */
    public void touched(List<Touched> touched) {
        tell(touched, List.of());
    }

    private void tell(List<Touched> touched, List<String> runs) {
        if (touched.isEmpty() && runs.isEmpty()) {
            return;
        }
        for (Listener listener : listeners) {
            listener.committed(touched, runs);
        }
    }

    /** The runs the events name, their parents too (a parent run may be only a placeholder). */
    public static List<String> runsOf(List<LineageEvent> events) {
        var runs = new LinkedHashSet<String>();
        for (LineageEvent event : events) {
            if (event.run() != null) {
                runs.add(event.run().runId().toString());
                var parent = event.run().parent();
                if (parent != null && parent.runId() != null) {
                    runs.add(parent.runId().toString());
                }
                if (parent != null && parent.rootRunId() != null) {
                    runs.add(parent.rootRunId().toString());
                }
            }
        }
        return new ArrayList<>(runs);
    }

    /** The jobs and datasets the events name: theirs are the only job-dataset edges and symlinks they change. */
    public static List<Touched> of(List<LineageEvent> events) {
        var touched = new LinkedHashSet<Touched>();
        for (LineageEvent event : events) {
            if (event.job() != null) {
                touched.add(
                        new Touched(true, event.job().namespace(), event.job().name()));
            }
            if (event.run() != null && event.run().parent() != null) {
                // A parent job the graph may only know from this reference (a node with no edges yet).
                var parent = event.run().parent();
                touched.add(new Touched(true, parent.jobNamespace(), parent.jobName()));
                if (parent.rootJobName() != null) {
                    touched.add(new Touched(true, parent.rootJobNamespace(), parent.rootJobName()));
                }
            }
            for (var side : List.of(event.inputs(), event.outputs())) {
                for (LineageEvent.DatasetInfo dataset : side) {
                    touched.add(new Touched(false, dataset.namespace(), dataset.name()));
                    if (dataset.symlinks() != null) {
                        for (LineageEvent.Symlink link : dataset.symlinks()) {
                            touched.add(new Touched(false, link.namespace(), link.name()));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(touched);
    }
}
