package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenLineage Spark 1.19 running a CTAS with JOIN, GROUP BY and FILTER (compatibility-tests scenario CLL). */
class SparkColumnLineageIngestTest extends EndToEndTest {

    static final String APP_RUN = "019127de-fd25-7707-bfa4-3ec02693a531";
    static final String SOURCE1_RUN = "019127df-00a2-743c-b714-df7e6dcadb2b";
    static final String SOURCE2_RUN = "019127df-074d-7d1b-b8d8-8a2c16a2fe60";
    static final String CTAS_RUN = "019127df-0850-72bc-b214-b255290588a6";

    private static final String APP_JOB = "open_lineage_integration_create_table";
    private static final String CTAS_JOB = APP_JOB + ".execute_create_hive_table_as_select_command.default_tbl1";
    private static final String TBL1 = "/tmp/cll_test/tbl1";

    static List<String> events() {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 9; i++) {
            events.add(Fixtures.text("spark/compat-tests-cll/" + i + ".json"));
        }
        return events;
    }

    @BeforeEach
    void ingestTheScenario() {
        postAll(events());
    }

    @Test
    void settlesEveryRunIncludingTheOneWithACompleteButNoStart() {
        assertThat(query("""
                        MATCH (r:Run)-[:RUN_OF]->(j:Job)
                        OPTIONAL MATCH (r)-[:CHILD_OF]->(p:Run)
                        RETURN r.runId AS run, r.state AS state, r.startedAt AS startedAt, r.endedAt AS endedAt,
                               r.durationMs AS durationMs, p.runId AS parent ORDER BY run"""))
                .containsExactly(
                        run(APP_RUN, "2024-08-06T13:26:49.98Z", "2024-08-06T13:26:54.353Z", 4373L, null),
                        run(SOURCE1_RUN, "2024-08-06T13:26:51.809Z", "2024-08-06T13:26:53.465Z", 1656L, APP_RUN),
                        row(
                                "run",
                                SOURCE2_RUN,
                                "state",
                                "COMPLETED",
                                "startedAt",
                                null,
                                "endedAt",
                                time("2024-08-06T13:26:53.511Z"),
                                "durationMs",
                                null,
                                "parent",
                                APP_RUN),
                        run(CTAS_RUN, "2024-08-06T13:26:53.776Z", "2024-08-06T13:26:54.34Z", 564L, APP_RUN));
        assertThat(query("""
                        MATCH (j:Job) OPTIONAL MATCH (j)-[:CHILD_OF]->(p:Job)
                        RETURN j.name AS job, j.jobType AS type, j.integration AS integration, p.name AS parent
                        ORDER BY job"""))
                .containsExactly(
                        row("job", APP_JOB, "type", "APPLICATION", "integration", "SPARK", "parent", null),
                        row("job", CTAS_JOB, "type", "SQL_JOB", "integration", "SPARK", "parent", APP_JOB),
                        row(
                                "job",
                                APP_JOB + ".execute_create_table_command.cll_test_cll_source1",
                                "type",
                                "SQL_JOB",
                                "integration",
                                "SPARK",
                                "parent",
                                APP_JOB),
                        row(
                                "job",
                                APP_JOB + ".execute_create_table_command.cll_test_cll_source2",
                                "type",
                                "SQL_JOB",
                                "integration",
                                "SPARK",
                                "parent",
                                APP_JOB));
    }

    @Test
    void buildsTableLineageOfTheCtas() {
        assertThat(query("""
                        MATCH (i:Dataset)-[:READ_BY]->(j:Job)-[:WRITES]->(o:Dataset {name: $tbl1})
                        RETURN i.name AS input, j.name AS job ORDER BY input""", Map.of("tbl1", TBL1)))
                .containsExactly(
                        row("input", "/tmp/cll_test/cll_source1", "job", CTAS_JOB),
                        row("input", "/tmp/cll_test/cll_source2", "job", CTAS_JOB));
        assertThat(query("""
                        MATCH (j:Job)-[:WRITES]->(d:Dataset) RETURN d.name AS dataset, j.name AS job ORDER BY dataset"""))
                .containsExactly(
                        row(
                                "dataset",
                                "/tmp/cll_test/cll_source1",
                                "job",
                                APP_JOB + ".execute_create_table_command.cll_test_cll_source1"),
                        row(
                                "dataset",
                                "/tmp/cll_test/cll_source2",
                                "job",
                                APP_JOB + ".execute_create_table_command.cll_test_cll_source2"),
                        row("dataset", TBL1, "job", CTAS_JOB));
    }

    @Test
    void recordsEveryColumnDerivationOfTbl1WithItsTransformation() {
        List<Map<String, Object>> feeds = query("""
                MATCH (s:Field)-[e:FEEDS]->(t:Field {namespace: 'file', dataset: $tbl1})
                RETURN s.dataset + '.' + s.name + ' -> ' + t.name + ' ' + e.type + '/' + e.subtype AS edge,
                       e.description AS description, e.masking AS masking, e.jobName AS job
                ORDER BY edge""", Map.of("tbl1", TBL1));
        assertThat(feeds)
                .extracting(r -> r.get("edge"))
                .containsExactly(
                        "/tmp/cll_test/cll_source1.a -> agg INDIRECT/FILTER",
                        "/tmp/cll_test/cll_source1.a -> agg INDIRECT/GROUP_BY",
                        "/tmp/cll_test/cll_source1.a -> agg INDIRECT/JOIN",
                        "/tmp/cll_test/cll_source1.a -> ident DIRECT/IDENTITY",
                        "/tmp/cll_test/cll_source1.a -> ident INDIRECT/FILTER",
                        "/tmp/cll_test/cll_source1.a -> ident INDIRECT/GROUP_BY",
                        "/tmp/cll_test/cll_source1.a -> ident INDIRECT/JOIN",
                        "/tmp/cll_test/cll_source1.a -> trans INDIRECT/FILTER",
                        "/tmp/cll_test/cll_source1.a -> trans INDIRECT/GROUP_BY",
                        "/tmp/cll_test/cll_source1.a -> trans INDIRECT/JOIN",
                        "/tmp/cll_test/cll_source1.b -> agg INDIRECT/GROUP_BY",
                        "/tmp/cll_test/cll_source1.b -> ident INDIRECT/GROUP_BY",
                        "/tmp/cll_test/cll_source1.b -> trans DIRECT/TRANSFORMATION",
                        "/tmp/cll_test/cll_source1.b -> trans INDIRECT/GROUP_BY",
                        "/tmp/cll_test/cll_source2.a -> agg INDIRECT/FILTER",
                        "/tmp/cll_test/cll_source2.a -> agg INDIRECT/JOIN",
                        "/tmp/cll_test/cll_source2.a -> ident INDIRECT/FILTER",
                        "/tmp/cll_test/cll_source2.a -> ident INDIRECT/JOIN",
                        "/tmp/cll_test/cll_source2.a -> trans INDIRECT/FILTER",
                        "/tmp/cll_test/cll_source2.a -> trans INDIRECT/JOIN",
                        "/tmp/cll_test/cll_source2.c -> agg DIRECT/AGGREGATION");
        assertThat(feeds)
                .extracting(r -> List.of(r.get("description"), r.get("masking"), r.get("job")))
                .containsOnly(List.of("", false, CTAS_JOB));
        assertThat(single("MATCH ()-[e:FEEDS]->() RETURN count(e)")).isEqualTo(21L);
        assertThat(query("""
                        MATCH (:Field {dataset: '/tmp/cll_test/cll_source2', name: 'c'})-[e:FEEDS]->(t:Field {name: 'agg'})
                        MATCH (c:ColumnLineageVersion {namespace: t.namespace, dataset: t.dataset, hash: e.lineageHash})
                        RETURN e.firstSeen AS firstSeen, c.lastSeen AS lastSeen"""))
                .containsExactly(row(
                        "firstSeen", time("2024-08-06T13:26:53.776Z"), "lastSeen", time("2024-08-06T13:26:54.34Z")));
    }

    @Test
    void storesFieldsSymlinksAndDatasetFacets() {
        assertThat(query("""
                        MATCH (d:Dataset)-[:HAS_FIELD]->(f:Field) WHERE f.schemaVersion = d.schemaVersion
                        RETURN d.name + '.' + f.name + ' ' + f.type + ' #' + f.ordinal AS field ORDER BY field"""))
                .extracting(r -> r.get("field"))
                .containsExactly(
                        "/tmp/cll_test/cll_source1.a integer #0",
                        "/tmp/cll_test/cll_source1.b string #1",
                        "/tmp/cll_test/cll_source2.a integer #0",
                        "/tmp/cll_test/cll_source2.c integer #1",
                        "/tmp/cll_test/tbl1.agg long #2",
                        "/tmp/cll_test/tbl1.ident integer #0",
                        "/tmp/cll_test/tbl1.trans string #1");
        assertThat(query("""
                        MATCH (d:Dataset)-[s:SYMLINK]->(a:Dataset)
                        RETURN d.namespace + ' ' + d.name + ' -> ' + a.namespace + ' ' + a.name + ' ' + s.type AS link
                        ORDER BY link"""))
                .extracting(r -> r.get("link"))
                .containsExactly(
                        "file /tmp/cll_test/cll_source1 -> file:/tmp/cll_test default.cll_source1 TABLE",
                        "file /tmp/cll_test/cll_source2 -> file:/tmp/cll_test default.cll_source2 TABLE",
                        "file /tmp/cll_test/tbl1 -> file:/tmp/cll_test default.tbl1 TABLE");
        assertThat(query("""
                        MATCH (d:Dataset)
                        RETURN d.namespace + ' ' + d.name AS dataset, d.lifecycleState AS lifecycle,
                               d.dataSourceName AS source, d.dataSourceUri AS uri ORDER BY dataset"""))
                .containsExactly(
                        dataset("file /tmp/cll_test/cll_source1", "CREATE", "file"),
                        dataset("file /tmp/cll_test/cll_source2", "CREATE", "file"),
                        dataset("file /tmp/cll_test/tbl1", "CREATE", "file"),
                        dataset("file:/tmp/cll_test default.cll_source1", null, null),
                        dataset("file:/tmp/cll_test default.cll_source2", null, null),
                        dataset("file:/tmp/cll_test default.tbl1", null, null));
    }

    @Test
    void keepsTheOutputStatisticsOfTheRunningEventOnTheWroteEdge() {
        assertThat(query("""
                        MATCH (r:Run)-[w:WROTE]->(d:Dataset)
                        RETURN r.runId AS run, d.name AS dataset, w.rowCount AS rows, w.bytes AS bytes,
                               w.fileCount AS files, w.firstSeen AS firstSeen ORDER BY run"""))
                .containsExactly(
                        wrote(SOURCE1_RUN, "/tmp/cll_test/cll_source1", null, "2024-08-06T13:26:53.465Z"),
                        wrote(SOURCE2_RUN, "/tmp/cll_test/cll_source2", null, "2024-08-06T13:26:53.511Z"),
                        wrote(CTAS_RUN, TBL1, 0L, "2024-08-06T13:26:53.776Z"));
        assertThat(query("""
                        MATCH (r:Run)-[e:READ]->(d:Dataset)
                        RETURN r.runId AS run, d.name AS dataset, e.rowCount AS rows, e.firstSeen AS firstSeen
                        ORDER BY dataset"""))
                .containsExactly(
                        row(
                                "run",
                                CTAS_RUN,
                                "dataset",
                                "/tmp/cll_test/cll_source1",
                                "rows",
                                null,
                                "firstSeen",
                                time("2024-08-06T13:26:53.776Z")),
                        row(
                                "run",
                                CTAS_RUN,
                                "dataset",
                                "/tmp/cll_test/cll_source2",
                                "rows",
                                null,
                                "firstSeen",
                                time("2024-08-06T13:26:53.776Z")));
    }

    private static Map<String, Object> wrote(String runId, String dataset, Long size, String firstSeen) {
        return row(
                "run",
                runId,
                "dataset",
                dataset,
                "rows",
                size,
                "bytes",
                size,
                "files",
                null,
                "firstSeen",
                time(firstSeen));
    }

    private static Map<String, Object> run(
            String runId, String startedAt, String endedAt, long durationMs, String parent) {
        return row(
                "run",
                runId,
                "state",
                "COMPLETED",
                "startedAt",
                time(startedAt),
                "endedAt",
                time(endedAt),
                "durationMs",
                durationMs,
                "parent",
                parent);
    }

    private static Map<String, Object> dataset(String dataset, String lifecycle, String source) {
        return row("dataset", dataset, "lifecycle", lifecycle, "source", source, "uri", source);
    }
}
