package io.tributary.entity;

import io.tributary.store.DatasetKey;
import io.tributary.store.JobKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;

/**
 * Rows of a batched statement, each mapped to its record, grouped by the source they answer for. Batched statements
 * over datasets or jobs name the source in {@code forNamespace} and {@code forName}; statements over runs in
 * {@code forId}. Rows that name a dataset or job they lead to do so in {@code namespace} and {@code name}.
 */
public final class SourceRows {

    private SourceRows() {}

    /** Rows per source dataset, in the statement's order. */
    public static <R> Function<Result, Map<DatasetKey, List<R>>> byDataset(Function<Record, R> row) {
        return result -> group(
                result,
                r -> new DatasetKey(
                        r.get("forNamespace").asString(), r.get("forName").asString()),
                row);
    }

    /** Rows per source job, in the statement's order. */
    public static <R> Function<Result, Map<JobKey, List<R>>> byJob(Function<Record, R> row) {
        return result -> group(
                result,
                r -> new JobKey(
                        r.get("forNamespace").asString(), r.get("forName").asString()),
                row);
    }

    /** Rows per source run id, in the statement's order. */
    public static <R> Function<Result, Map<String, List<R>>> byRun(Function<Record, R> row) {
        return result -> group(result, r -> r.get("forId").asString(), row);
    }

    /** The dataset a row leads to. */
    public static DatasetKey dataset(Record r) {
        return new DatasetKey(r.get("namespace").asString(), r.get("name").asString());
    }

    /** The job a row leads to. */
    public static JobKey job(Record r) {
        return new JobKey(r.get("namespace").asString(), r.get("name").asString());
    }

    /** One answer per source, in the sources' order; a source without rows gets {@code empty}. */
    public static <S, K, V> Map<S, V> perSource(List<S> sources, Function<S, K> key, Map<K, V> byKey, V empty) {
        var result = new LinkedHashMap<S, V>();
        sources.forEach(s -> result.put(s, byKey.getOrDefault(key.apply(s), empty)));
        return result;
    }

    private static <K, R> Map<K, List<R>> group(Result result, Function<Record, K> key, Function<Record, R> row) {
        var map = new LinkedHashMap<K, List<R>>();
        result.forEachRemaining(
                r -> map.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(row.apply(r)));
        return map;
    }
}
