package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Details;
import io.tributary.write.GraphChanges;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What lineage shows on a node (documentation, owners, job type, the job's latest run), kept between index walks so
 * that a node shown again is not read again: entries go when a committed write touches their node ({@link
 * GraphChanges}, before readers are told), so the cache is never older than what a read-your-writes reader may see. A
 * read that raced with such a write is not kept (the generation moved). Bounded: emptied when it outgrows {@link
 * #CAPACITY}.
 */
@Component
class DetailsCache {

    static final int CAPACITY = 200_000;

    private final Map<String, Details> byNode = new ConcurrentHashMap<>();
    private long generation;

    DetailsCache(GraphChanges changes) {
        changes.listen(new GraphChanges.Listener() {
            @Override
            public void committed(List<GraphChanges.Touched> touched) {
                invalidate(touched);
            }

            @Override
            public boolean listening() {
                return false; // nothing to read from the log for it: an empty cache is correct
            }

            @Override
            public void replacing() {
                clear();
            }

            @Override
            public void replaced() {
                clear();
            }
        });
    }

    /**
     * The details of the given nodes (public id by element id), from the cache where present, the rest through
     * {@code read} (element ids to details) in one go.
     */
    Map<String, Details> get(Map<String, String> publicIds, Function<Collection<String>, Map<String, Details>> read) {
        var found = new HashMap<String, Details>(publicIds.size() * 2);
        var missing = new HashMap<String, String>();
        publicIds.forEach((elementId, id) -> {
            Details d = byNode.get(id);
            if (d != null) {
                found.put(elementId, d);
            } else {
                missing.put(elementId, id);
            }
        });
        if (missing.isEmpty()) {
            return found;
        }
        long before;
        synchronized (this) {
            before = generation;
        }
        Map<String, Details> read1 = read.apply(missing.keySet());
        found.putAll(read1);
        synchronized (this) {
            if (generation == before) {
                if (byNode.size() + read1.size() > CAPACITY) {
                    byNode.clear();
                }
                read1.forEach((elementId, d) -> byNode.put(missing.get(elementId), d));
            }
        }
        return found;
    }

    private synchronized void clear() {
        generation++;
        byNode.clear();
    }

    private synchronized void invalidate(List<GraphChanges.Touched> touched) {
        generation++;
        for (GraphChanges.Touched t : touched) {
            byNode.remove(NodeId.of(t.job() ? NodeKind.JOB : NodeKind.DATASET, t.namespace(), t.name()));
        }
    }
}
