package io.tributary.entity;

import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Loads jobs, datasets and runs by key in one query per batch; every feature resolves its edges to entities through
 * these, so a list of N parents costs one query, not N.
 */
@Component
public class EntityLookup {

    private record DatasetKeys(List<DatasetKey> keys) {}

    private record JobKeys(List<JobKey> keys) {}

    private record RunIds(List<String> ids) {}

    private final GraphStore store;

    EntityLookup(GraphStore store) {
        this.store = store;
    }

    public Map<DatasetKey, DatasetView> datasets(Collection<DatasetKey> keys) {
        return byKey(
                store.read(
                        "read/dataset/by-keys",
                        Parameters.of(new DatasetKeys(List.copyOf(keys))),
                        r -> r.list(DatasetView::from)),
                DatasetView::key);
    }

    public Map<JobKey, JobView> jobs(Collection<JobKey> keys) {
        return byKey(
                store.read(
                        "read/job/by-keys", Parameters.of(new JobKeys(List.copyOf(keys))), r -> r.list(JobView::from)),
                JobView::key);
    }

    public Map<String, RunView> runs(Collection<String> ids) {
        return byKey(
                store.read("read/run/by-ids", Parameters.of(new RunIds(List.copyOf(ids))), r -> r.list(RunView::from)),
                RunView::id);
    }

    /**
     * The datasets an edge statement over jobs leads to (rows name the job in {@code forNamespace}, {@code forName} and
     * the dataset in {@code namespace}, {@code name}), one list per job in the statement's order, empty where there is
     * none.
     */
    public Map<JobView, List<DatasetView>> datasetsOf(String statement, List<JobView> jobs) {
        Map<JobKey, List<DatasetKey>> edges = store.read(
                statement,
                Parameters.of(new JobKeys(jobs.stream().map(JobView::key).toList())),
                SourceRows.byJob(SourceRows::dataset));
        return resolve(jobs, JobView::key, edges, this::datasets);
    }

    /** As {@link #datasetsOf}, from datasets to the jobs that read or write them. */
    public Map<DatasetView, List<JobView>> jobsOf(String statement, List<DatasetView> datasets) {
        return jobsOf(statement, datasets, Map.of());
    }

    /** As {@link #jobsOf(String, List)}, with further parameters of the statement (which edges count). */
    public Map<DatasetView, List<JobView>> jobsOf(String statement, List<DatasetView> datasets, Record parameters) {
        return jobsOf(statement, datasets, Parameters.of(parameters));
    }

    private Map<DatasetView, List<JobView>> jobsOf(
            String statement, List<DatasetView> datasets, Map<String, Object> parameters) {
        var all = new HashMap<String, Object>(parameters);
        all.putAll(Parameters.of(
                new DatasetKeys(datasets.stream().map(DatasetView::key).toList())));
        Map<DatasetKey, List<JobKey>> edges = store.read(statement, all, SourceRows.byDataset(SourceRows::job));
        return resolve(datasets, DatasetView::key, edges, this::jobs);
    }

    /** As {@link #datasetsOf}, from jobs to related jobs (parents, children). */
    public Map<JobView, List<JobView>> relatedJobs(String statement, List<JobView> jobs) {
        Map<JobKey, List<JobKey>> edges = store.read(
                statement,
                Parameters.of(new JobKeys(jobs.stream().map(JobView::key).toList())),
                SourceRows.byJob(SourceRows::job));
        return resolve(jobs, JobView::key, edges, this::jobs);
    }

    /** Each source's targets, loaded in one batch; a target that no longer resolves is left out. */
    private static <S, K, TK, T> Map<S, List<T>> resolve(
            List<S> sources, Function<S, K> key, Map<K, List<TK>> edges, Function<List<TK>, Map<TK, T>> load) {
        Map<TK, T> targets = load.apply(
                edges.values().stream().flatMap(List::stream).distinct().toList());
        var result = new LinkedHashMap<S, List<T>>();
        for (S source : sources) {
            result.put(
                    source,
                    edges.getOrDefault(key.apply(source), List.of()).stream()
                            .map(targets::get)
                            .filter(Objects::nonNull)
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
