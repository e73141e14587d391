package io.tributary.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;

/**
 * Rows of a batched statement grouped by the source they answer for. Batched statements over datasets or jobs name the
 * source in {@code forNamespace} and {@code forName}; statements over runs in {@code forId}.
 */
public final class SourceRows {

    private SourceRows() {}

    /** Rows per source key ({@code namespace}, {@code name}), in the statement's order. */
    public static Map<Map<String, Object>, List<Record>> byKey(Result result) {
        return group(
                result,
                r -> Map.of(
                        "namespace",
                        r.get("forNamespace").asString(),
                        "name",
                        r.get("forName").asString()));
    }

    /** Rows per source run id, in the statement's order. */
    public static Map<String, List<Record>> byId(Result result) {
        return group(result, r -> r.get("forId").asString());
    }

    /** One answer per source, in the sources' order; a source without rows gets {@code empty}. */
    public static <S, K, V> Map<S, V> perSource(List<S> sources, Function<S, K> key, Map<K, V> byKey, V empty) {
        var result = new LinkedHashMap<S, V>();
        sources.forEach(s -> result.put(s, byKey.getOrDefault(key.apply(s), empty)));
        return result;
    }

    private static <K> Map<K, List<Record>> group(Result result, Function<Record, K> key) {
        var map = new LinkedHashMap<K, List<Record>>();
        result.forEachRemaining(
                r -> map.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return map;
    }
}
