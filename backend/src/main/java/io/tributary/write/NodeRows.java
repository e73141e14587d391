package io.tributary.write;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows coalesced per node or edge across a whole group commit: one row per key, whatever number of events of the
 * batch touch it, so that each node is MERGEd once per transaction. Every rule the statements apply is a minimum
 * (first seen), a maximum (last seen, newest version) or "the newest facet per name", which are the same applied once
 * to the coalesced row as once per event row: the final graph does not depend on how events were grouped.
 *
 * <p>Keys are strings (each part prefixed by its length, so that no two different tuples of names give the same key):
 * hashing and comparing a list key per row was a measurable share of the writer thread.
 */
final class NodeRows {

    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();

    static String key(String... parts) {
        var key = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                key.append('~'); // cannot start a length
            } else {
                key.append(part.length()).append(':').append(part);
            }
        }
        return key.toString();
    }

    /**
     * The row for {@code key}, created by {@code create} on first sight with {@code firstSeen} and {@code lastSeen}
     * both at {@code time}, else widened to include {@code time}.
     */
    Map<String, Object> seen(String key, OffsetDateTime time, Supplier<Map<String, Object>> create) {
        Map<String, Object> row = rows.get(key);
        if (row == null) {
            row = create.get();
            row.put("firstSeen", time);
            row.put("lastSeen", time);
            rows.put(key, row);
        } else {
            if (time.isBefore((OffsetDateTime) row.get("firstSeen"))) {
                row.put("firstSeen", time);
            }
            if (time.isAfter((OffsetDateTime) row.get("lastSeen"))) {
                row.put("lastSeen", time);
            }
        }
        return row;
    }

    /** As {@link #seen}, also keeping the greatest {@code version}; true when {@code version} is the new greatest. */
    boolean newest(Map<String, Object> row, String version) {
        Object known = row.get("version");
        if (known == null || version.compareTo((String) known) > 0) {
            row.put("version", version);
            return true;
        }
        return false;
    }

    /** The newest facet per name on a row made by {@link #entity}. */
    @SuppressWarnings("unchecked")
    static void addFacets(Map<String, Object> row, List<Map<String, Object>> facets) {
        var byName = (Map<String, Map<String, Object>>) row.get("facetsByName");
        for (var facet : facets) {
            byName.merge(
                    (String) facet.get("name"),
                    facet,
                    (a, b) -> ((String) b.get("version")).compareTo((String) a.get("version")) > 0 ? b : a);
        }
    }

    static Map<String, Object> entity(String namespace, String name) {
        var row = new HashMap<String, Object>();
        row.put("namespace", namespace);
        row.put("name", name);
        row.put("searchText", SearchText.of(name, namespace));
        row.put("facetsByName", new LinkedHashMap<String, Map<String, Object>>());
        return row;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows, entity facets as the list the statements unwind. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
        var list = new ArrayList<Map<String, Object>>(rows.size());
        for (var row : rows.values()) {
            var byName = (Map<String, Map<String, Object>>) row.remove("facetsByName");
            if (byName != null) {
                row.put("facets", List.copyOf(byName.values()));
            }
            list.add(row);
        }
        return list;
    }
}
