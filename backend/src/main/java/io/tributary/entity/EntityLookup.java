package io.tributary.entity;

import io.tributary.store.GraphStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Loads jobs, datasets and runs by key in one query per batch; every feature resolves its edges to entities through
 * these, so a list of N parents costs one query, not N.
 */
@Component
public class EntityLookup {

    private final GraphStore store;

    EntityLookup(GraphStore store) {
        this.store = store;
    }

    public Map<Map<String, Object>, DatasetView> datasets(Collection<Map<String, Object>> keys) {
        return byKey(
                store.read("read/dataset/by-keys", Map.of("keys", List.copyOf(keys)), r -> r.list(DatasetView::from)),
                DatasetView::key);
    }

    public Map<Map<String, Object>, JobView> jobs(Collection<Map<String, Object>> keys) {
        return byKey(
                store.read("read/job/by-keys", Map.of("keys", List.copyOf(keys)), r -> r.list(JobView::from)),
                JobView::key);
    }

    public Map<String, RunView> runs(Collection<String> ids) {
        return byKey(
                store.read("read/run/by-ids", Map.of("ids", List.copyOf(ids)), r -> r.list(RunView::from)),
                RunView::id);
    }

    /**
     * Runs an edge statement over source keys; its rows name the source ({@code forNamespace}, {@code forName}) and
     * the target ({@code namespace}, {@code name}). Returns target keys per source key, in the statement's order.
     */
    public Map<Map<String, Object>, List<Map<String, Object>>> edges(
            String statement, Collection<Map<String, Object>> keys) {
        return store.read(statement, Map.of("keys", List.copyOf(keys)), result -> {
            var edges = new LinkedHashMap<Map<String, Object>, List<Map<String, Object>>>();
            result.forEachRemaining(r -> edges.computeIfAbsent(
                            Map.of(
                                    "namespace",
                                    r.get("forNamespace").asString(),
                                    "name",
                                    r.get("forName").asString()),
                            k -> new java.util.ArrayList<>())
                    .add(Map.of(
                            "namespace",
                            r.get("namespace").asString(),
                            "name",
                            r.get("name").asString())));
            return edges;
        });
    }

    /** Resolves {@link #edges} to datasets, one list per source (empty where there is none). */
    public <S> Map<S, List<DatasetView>> datasetsOf(
            String statement, List<S> sources, Function<S, Map<String, Object>> key) {
        var edges = edges(statement, sources.stream().map(key).toList());
        var all = datasets(
                edges.values().stream().flatMap(List::stream).distinct().toList());
        return resolve(sources, key, edges, all);
    }

    /** Resolves {@link #edges} to jobs, one list per source (empty where there is none). */
    public <S> Map<S, List<JobView>> jobsOf(String statement, List<S> sources, Function<S, Map<String, Object>> key) {
        var edges = edges(statement, sources.stream().map(key).toList());
        var all = jobs(edges.values().stream().flatMap(List::stream).distinct().toList());
        return resolve(sources, key, edges, all);
    }

    private static <S, T> Map<S, List<T>> resolve(
            List<S> sources,
            Function<S, Map<String, Object>> key,
            Map<Map<String, Object>, List<Map<String, Object>>> edges,
            Map<Map<String, Object>, T> targets) {
        var result = new LinkedHashMap<S, List<T>>();
        for (S source : sources) {
            result.put(
                    source,
                    edges.getOrDefault(key.apply(source), List.of()).stream()
                            .map(targets::get)
                            .filter(java.util.Objects::nonNull)
                            .toList());
        }
        return result;
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        var map = new LinkedHashMap<K, V>();
        values.forEach(v -> map.put(key.apply(v), v));
        return map;
    }
}
