package io.tributary.entity;

import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The standard facets stored on jobs' and datasets' nodes ({@code facet_<name>} JSON properties), for many nodes in one
 * query: facet name to parsed facet, by name. Custom facets are not on nodes; they live in the raw archive.
 */
@Component
public class StoredFacets {

    private record Keys(List<? extends java.lang.Record> keys) {}

    private final GraphStore store;

    StoredFacets(GraphStore store) {
        this.store = store;
    }

    public Map<DatasetView, Map<String, Object>> datasets(List<DatasetView> datasets) {
        return of("read/dataset/facets", datasets, DatasetView::key, SourceRows.byDataset(StoredFacets::facets));
    }

    public Map<JobView, Map<String, Object>> jobs(List<JobView> jobs) {
        return of("read/job/facets", jobs, JobView::key, SourceRows.byJob(StoredFacets::facets));
    }

    /** Runs a facets statement whose rows name the source and carry {@code facets} as [name, json] pairs. */
    private <S, K extends java.lang.Record> Map<S, Map<String, Object>> of(
            String statement,
            List<S> sources,
            Function<S, K> key,
            Function<Result, Map<K, List<Map<String, Object>>>> rows) {
        Map<K, List<Map<String, Object>>> byKey = store.read(
                statement, Parameters.of(new Keys(sources.stream().map(key).toList())), rows);
        var result = new LinkedHashMap<S, Map<String, Object>>();
        sources.forEach(s -> {
            List<Map<String, Object>> facets = byKey.get(key.apply(s));
            result.put(s, facets == null ? Map.of() : facets.getFirst());
        });
        return result;
    }

    private static Map<String, Object> facets(Record r) {
        var facets = new TreeMap<String, Object>();
        for (Value pair : r.get("facets").asList(Function.identity())) {
            Map<String, Object> facet = DriverValues.json(pair.get(1));
            if (facet != null) {
                facets.put(pair.get(0).asString(), facet);
            }
        }
        return facets;
    }
}
