package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
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

    /** A row of read/dataset/quality: one quality check, its metrics and assertions as the JSON the producer sent. */
    private record QualityRow(
            String runId,
            OffsetDateTime time,
            Long rowCount,
            Long bytes,
            String columnMetrics,
            String assertions,
            int passed,
            int failed) {

        static QualityRow from(Record r) {
            return new QualityRow(
                    r.get("runId").asString(),
                    DriverValues.time(r.get("time")),
                    DriverValues.number(r.get("rowCount")),
                    DriverValues.number(r.get("bytes")),
                    DriverValues.string(r.get("columnMetrics")),
                    DriverValues.string(r.get("assertions")),
                    r.get("passed").asInt(),
                    r.get("failed").asInt());
        }
    }

    private record Checks(List<DatasetKey> keys, int limit) {}

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
        Map<DatasetKey, List<QualityRow>> rows = store.read(
                "read/dataset/quality",
                Parameters.of(new Checks(datasets.stream().map(DatasetView::key).toList(), last)),
                SourceRows.byDataset(QualityRow::from));
        Map<String, RunView> runs = lookup.runs(rows.values().stream()
                .flatMap(List::stream)
                .map(QualityRow::runId)
                .distinct()
                .toList());
        var results = new HashMap<DatasetKey, List<Result>>();
        rows.forEach((key, list) -> results.put(
                key,
                list.stream()
                        .map(r -> result(r, runs.get(r.runId())))
                        .filter(Objects::nonNull)
                        .toList()));
        return SourceRows.perSource(datasets, DatasetView::key, results, List.of());
    }

    private Result result(QualityRow r, RunView run) {
        if (run == null) {
            return null;
        }
        return new Result(
                run,
                r.time(),
                r.rowCount(),
                r.bytes(),
                r.columnMetrics() == null ? List.of() : columnMetrics(json.readValue(r.columnMetrics(), METRICS)),
                r.assertions() == null ? List.of() : json.readValue(r.assertions(), ASSERTIONS),
                r.passed(),
                r.failed());
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
