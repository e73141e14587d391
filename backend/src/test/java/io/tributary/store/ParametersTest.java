package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParametersTest {

    record Statistics(Long rowCount, Long bytes) {}

    record Row(
            RunId runId,
            @Unwrapped DatasetKey dataset,
            @Unwrapped("job") JobKey job,
            OffsetDateTime time,
            Statistics statistics,
            List<Statistics> history,
            Map<String, Object> properties) {}

    record Rows(List<Row> rows) {}

    record Version(@Unwrapped("input") SchemaVersionKey schema, int index) {}

    record Clash(@Unwrapped DatasetKey dataset, String name) {}

    @Test
    void aRowIsSentAsItsComponentsWithUnwrappedKeysSpreadIntoIt() {
        var uuid = UUID.fromString("0b2a4e7a-7c1a-4a86-9d5c-3c0f3a6a1b2c");
        var time = OffsetDateTime.parse("2026-01-02T03:04:05Z");
        var properties = new HashMap<String, Object>();
        properties.put("facet_sql", "{}");
        properties.put("sql", null);
        var row = new Row(
                new RunId(uuid),
                new DatasetKey("ns", "orders"),
                new JobKey("airflow", "dag.task"),
                time,
                new Statistics(10L, null),
                List.of(new Statistics(1L, 2L)),
                properties);

        var sent = Parameters.of(new Rows(List.of(row)));

        assertThat(sent).containsOnlyKeys("rows");
        @SuppressWarnings("unchecked")
        var first = ((List<Map<String, Object>>) sent.get("rows")).getFirst();
        var statistics = new HashMap<String, Object>();
        statistics.put("rowCount", 10L);
        statistics.put("bytes", null);
        assertThat(first)
                .containsOnlyKeys(
                        "runId",
                        "namespace",
                        "name",
                        "jobNamespace",
                        "jobName",
                        "time",
                        "statistics",
                        "history",
                        "properties")
                .containsEntry("runId", uuid.toString())
                .containsEntry("namespace", "ns")
                .containsEntry("name", "orders")
                .containsEntry("jobNamespace", "airflow")
                .containsEntry("jobName", "dag.task")
                .containsEntry("time", time)
                .containsEntry("statistics", statistics)
                .containsEntry("history", List.of(Map.of("rowCount", 1L, "bytes", 2L)))
                .containsEntry("properties", properties);
    }

    @Test
    void anAbsentUnwrappedKeySendsEachOfItsNamesAsNull() {
        var sent = Parameters.of(new Row(null, new DatasetKey("ns", "d"), null, null, null, List.of(), Map.of()));

        assertThat(sent).containsEntry("jobNamespace", null).containsEntry("jobName", null);
        assertThat(sent).containsEntry("runId", null).containsEntry("statistics", null);
    }

    @Test
    void nestedUnwrappedKeysJoinTheirPrefixes() {
        var sent = Parameters.of(new Version(new SchemaVersionKey(new DatasetKey("ns", "d"), "abc"), 3));

        assertThat(sent).isEqualTo(Map.of("inputNamespace", "ns", "inputName", "d", "inputHash", "abc", "index", 3));
    }

    @Test
    void twoComponentsSentUnderOneNameAreRefused() {
        assertThatThrownBy(() -> Parameters.of(new Clash(new DatasetKey("ns", "d"), "other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }
}
