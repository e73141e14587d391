package io.tributary.lineage.index;

import io.tributary.store.DriverValues;
import java.util.List;
import java.util.function.Function;
import org.neo4j.driver.Value;

/**
 * A dataset or job as the index reads it: its element id, key, soft-delete mark, whether its own symlinks facet names
 * other datasets ({@code declares}, which picks a symlink group's representative), owners, and what lineage shows on
 * it ({@code details}; null when read as another node's neighbour, which leaves the index's copy as it is).
 */
record IndexedNode(
        String id,
        boolean job,
        String namespace,
        String name,
        boolean deleted,
        boolean declares,
        List<String> owners,
        NodeDetails details) {

    static IndexedNode of(org.neo4j.driver.Record r) {
        return of(r::get, r::get);
    }

    /** From a map the patch statement returns: with details when it has a {@code details} entry. */
    static IndexedNode of(Value v) {
        Value d = v.get("details");
        return of(v::get, d.isNull() ? null : d::get);
    }

    private static IndexedNode of(Function<String, Value> n, Function<String, Value> details) {
        return new IndexedNode(
                n.apply("id").asString(),
                n.apply("job").asBoolean(),
                n.apply("namespace").asString(),
                n.apply("name").asString(),
                n.apply("deleted").asBoolean(),
                n.apply("declares").asBoolean(),
                DriverValues.strings(n.apply("owners")),
                details == null ? null : details(details));
    }

    private static NodeDetails details(Function<String, Value> d) {
        return new NodeDetails(
                DriverValues.string(d.apply("description")),
                DriverValues.string(d.apply("jobType")),
                DriverValues.string(d.apply("integration")),
                DriverValues.string(d.apply("runId")),
                DriverValues.string(d.apply("runState")));
    }
}
