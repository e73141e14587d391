package io.tributary.lineage.index;

import io.tributary.store.DriverValues;
import java.util.List;
import java.util.Map;

/**
 * A dataset or job as the index reads it: its element id, key, soft-delete mark, and whether its own symlinks facet
 * names other datasets ({@code declares}, which picks a symlink group's representative).
 */
record IndexedNode(
        String id, boolean job, String namespace, String name, boolean deleted, boolean declares, List<String> owners) {

    static IndexedNode of(org.neo4j.driver.Record r) {
        return new IndexedNode(
                r.get("id").asString(),
                r.get("job").asBoolean(),
                r.get("namespace").asString(),
                r.get("name").asString(),
                r.get("deleted").asBoolean(),
                r.get("declares").asBoolean(),
                DriverValues.strings(r.get("owners")));
    }

    /** From a map the patch statement returns (the driver boundary). */
    static IndexedNode of(Map<String, Object> m) {
        return new IndexedNode(
                (String) m.get("id"),
                (Boolean) m.get("job"),
                (String) m.get("namespace"),
                (String) m.get("name"),
                (Boolean) m.get("deleted"),
                (Boolean) m.get("declares"),
                m.get("owners") instanceof List<?> owners
                        ? owners.stream().map(String::valueOf).toList()
                        : List.of());
    }
}
