package io.tributary.run;

import io.tributary.entity.SourceRows;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** The parent and child runs of many runs (the parent facet's CHILD_OF edges), in one query each. */
@Repository
class RunFamily {

    private record Ids(List<String> ids) {}

    private final GraphStore store;

    RunFamily(GraphStore store) {
        this.store = store;
    }

    /** Each run's parent id (a list of one), for the runs that have one. */
    Map<String, List<String>> parents(Collection<String> runIds) {
        return related("read/run/parents", runIds);
    }

    /** Each run's child ids, for the runs that have children. */
    Map<String, List<String>> children(Collection<String> runIds) {
        return related("read/run/children", runIds);
    }

    /** Run ids related to each run by a statement returning (forId, runId) rows. */
    private Map<String, List<String>> related(String statement, Collection<String> runIds) {
        return store.read(
                statement,
                Parameters.of(new Ids(List.copyOf(runIds))),
                SourceRows.byRun(r -> r.get("runId").asString()));
    }
}
