package io.tributary.write;

import io.tributary.write.IngestRows.FacetRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows coalesced per node or edge key across a whole group commit: one row per key, whatever number of events of the
 * batch touch it, so that each node is MERGEd once per transaction. Every rule the statements apply is a minimum
 * (first seen), a maximum (last seen, newest version) or "the newest facet per name", which are the same applied once
 * to the coalesced row as once per event row: the final graph does not depend on how events were grouped.
 *
 * <p>Keys are records ({@code DatasetKey}, edge keys of two node keys, ...): equal exactly when every part is.
 *
 * @param <K> the key of the node or edge
 * @param <D> what the row keeps beside its times and version (such as the newest facets), made on first sight
 */
final class NodeRows<K, D> {

    private final Map<K, Sighting<D>> byKey = new LinkedHashMap<>();

    /**
     * The sighting of {@code key}, made with {@code data} on first sight with {@code firstSeen} and {@code lastSeen}
     * both at {@code time}, else widened to include {@code time}.
     */
    Sighting<D> seen(K key, OffsetDateTime time, Supplier<D> data) {
        Sighting<D> sighting = byKey.get(key);
        if (sighting == null) {
            sighting = new Sighting<>(data.get(), time);
            byKey.put(key, sighting);
        } else {
            sighting.widen(time);
        }
        return sighting;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** One row per key, in order of first sight; nothing is changed, so the rows may be listed again. */
    <R> List<R> list(Row<K, D, R> row) {
        var rows = new ArrayList<R>(byKey.size());
        for (var entry : byKey.entrySet()) {
            rows.add(row.of(entry.getKey(), entry.getValue(), rows.size()));
        }
        return List.copyOf(rows);
    }

    /** Makes the row of one key from its sighting; {@code index} is its position in the list. */
    @FunctionalInterface
    interface Row<K, D, R> {
        R of(K key, Sighting<D> sighting, int index);
    }

    /** What the batch saw of one node or edge: the span of its event times and the greatest version kept. */
    static final class Sighting<D> {

        private final D data;
        private OffsetDateTime firstSeen;
        private OffsetDateTime lastSeen;
        private String version;

        private Sighting(D data, OffsetDateTime time) {
            this.data = data;
            this.firstSeen = time;
            this.lastSeen = time;
        }

        private void widen(OffsetDateTime time) {
            if (time.isBefore(firstSeen)) {
                firstSeen = time;
            }
            if (time.isAfter(lastSeen)) {
                lastSeen = time;
            }
        }

        /** Keeps the greatest {@code version}; true when {@code version} is the new greatest. */
        boolean newest(String version) {
            if (this.version == null || version.compareTo(this.version) > 0) {
                this.version = version;
                return true;
            }
            return false;
        }

        D data() {
            return data;
        }

        OffsetDateTime firstSeen() {
            return firstSeen;
        }

        OffsetDateTime lastSeen() {
            return lastSeen;
        }

        String version() {
            return version;
        }
    }

    /** The newest facet per name that the batch sent for one node. */
    static final class Facets {

        private final Map<String, FacetRow> byName = new LinkedHashMap<>();

        void add(List<FacetRow> facets) {
            for (FacetRow facet : facets) {
                byName.merge(facet.name(), facet, (a, b) -> b.version().compareTo(a.version()) > 0 ? b : a);
            }
        }

        List<FacetRow> list() {
            return List.copyOf(byName.values());
        }
    }
}
