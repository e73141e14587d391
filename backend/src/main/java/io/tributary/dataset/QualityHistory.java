package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Data-quality results of many datasets, newest first, in two queries: the results, then their runs. */
@Repository
class QualityHistory {

    record Result(
            RunView run,
            OffsetDateTime time,
            Long rowCount,
            Long bytes,
            List<ColumnMetrics> columnMetrics,
            List<Assertion> assertions,
            int passed,
            int failed) {}

    record ColumnMetrics(
            String column,
            Long nullCount,
            Long distinctCount,
            Double sum,
            Double count,
            Double min,
            Double max,
            List<Quantile> quantiles) {}

    record Quantile(String quantile, double value) {}

    record Assertion(String assertion, String column, boolean success) {}

    private static final TypeReference<Map<String, Map<String, Object>>> METRICS = new TypeReference<>() {};
    private static final TypeReference<List<Assertion>> ASSERTIONS = new TypeReference<>() {};

    private final GraphStore store;
    private final EntityLookup lookup;
    private final JsonMapper json;

    QualityHistory(GraphStore store, EntityLookup lookup, JsonMapper json) {
        this.store = store;
        this.lookup = lookup;
        this.json = json;
    }

    Map<DatasetView, List<Result>> of(List<DatasetView> datasets, int last) {
        Map<Map<String, Object>, List<Record>> rows = store.read(
                "read/dataset/quality",
                Map.of("keys", datasets.stream().map(DatasetView::key).toList(), "limit", last),
                SourceRows::byKey);
        Map<String, RunView> runs = lookup.runs(rows.values().stream()
                .flatMap(List::stream)
                .map(r -> r.get("runId").asString())
                .distinct()
                .toList());
        var results = new HashMap<Map<String, Object>, List<Result>>();
        rows.forEach((key, list) -> results.put(
                key,
                list.stream()
                        .map(r -> result(r, runs.get(r.get("runId").asString())))
                        .filter(Objects::nonNull)
                        .toList()));
        return SourceRows.perSource(datasets, DatasetView::key, results, List.of());
    }

    private Result result(Record r, RunView run) {
        if (run == null) {
            return null;
        }
        String metrics = DriverValues.string(r.get("columnMetrics"));
        String assertions = DriverValues.string(r.get("assertions"));
        return new Result(
                run,
                DriverValues.time(r.get("time")),
                DriverValues.number(r.get("rowCount")),
                DriverValues.number(r.get("bytes")),
                metrics == null ? List.of() : columnMetrics(json.readValue(metrics, METRICS)),
                assertions == null ? List.of() : json.readValue(assertions, ASSERTIONS),
                r.get("passed").asInt(),
                r.get("failed").asInt());
    }

    /** The columnMetrics object as sent (column to metrics), in the producer's column order. */
    private static List<ColumnMetrics> columnMetrics(Map<String, Map<String, Object>> byColumn) {
        var result = new ArrayList<ColumnMetrics>();
        byColumn.forEach((column, m) -> result.add(new ColumnMetrics(
                column,
                m.get("nullCount") instanceof Number n ? n.longValue() : null,
                m.get("distinctCount") instanceof Number n ? n.longValue() : null,
                decimal(m.get("sum")),
                decimal(m.get("count")),
                decimal(m.get("min")),
                decimal(m.get("max")),
                quantiles(m.get("quantiles")))));
        return result;
    }

    private static List<Quantile> quantiles(Object value) {
        var result = new ArrayList<Quantile>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((q, v) -> {
                if (v instanceof Number n) {
                    result.add(new Quantile(String.valueOf(q), n.doubleValue()));
                }
            });
        }
        return result;
    }

    private static Double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
