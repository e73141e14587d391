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
        return new IndexedNode(
                r.get("id").asString(),
                r.get("job").asBoolean(),
                r.get("namespace").asString(),
                r.get("name").asString(),
                r.get("deleted").asBoolean(),
                r.get("declares").asBoolean(),
                DriverValues.strings(r.get("owners")),
                details(r::get));
    }

    /** From a map the patch statement returns: with details when it has a {@code details} entry. */
    static IndexedNode of(Value v) {
        Value d = v.get("details");
        return new IndexedNode(
                v.get("id").asString(),
                v.get("job").asBoolean(),
                v.get("namespace").asString(),
                v.get("name").asString(),
                v.get("deleted").asBoolean(),
                v.get("declares").asBoolean(),
                DriverValues.strings(v.get("owners")),
                d.isNull() ? null : details(d::get));
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
