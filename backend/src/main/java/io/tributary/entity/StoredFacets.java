package io.tributary.entity;

import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The standard facets stored on jobs' and datasets' nodes ({@code facet_<name>} JSON properties), for many nodes in one
 * query. Custom facets are not on nodes; they live in the raw archive.
 */
@Component
public class StoredFacets {

    private final GraphStore store;

    StoredFacets(GraphStore store) {
        this.store = store;
    }

    /**
     * Runs a facets statement over source keys; its rows name the source ({@code forNamespace}, {@code forName}) and
     * carry {@code facets} as [name, json] pairs. Answers facet name to parsed facet, by name, per source.
     */
    public <S> Map<S, Map<String, Object>> of(
            String statement, Collection<S> sources, Function<S, Map<String, Object>> key) {
        Map<Map<String, Object>, Map<String, Object>> byKey =
                store.read(statement, Map.of("keys", sources.stream().map(key).toList()), result -> {
                    var map = new HashMap<Map<String, Object>, Map<String, Object>>();
                    result.forEachRemaining(r -> map.put(
                            Map.of(
                                    "namespace",
                                    r.get("forNamespace").asString(),
                                    "name",
                                    r.get("forName").asString()),
                            parse(r.get("facets").asList(Function.identity()))));
                    return map;
                });
        var result = new LinkedHashMap<S, Map<String, Object>>();
        sources.forEach(s -> result.put(s, byKey.getOrDefault(key.apply(s), Map.of())));
        return result;
    }

    private static Map<String, Object> parse(List<Value> pairs) {
        var facets = new TreeMap<String, Object>();
        for (Value pair : pairs) {
            Map<String, Object> facet = DriverValues.json(pair.get(1));
            if (facet != null) {
                facets.put(pair.get(0).asString(), facet);
            }
        }
        return facets;
    }
}
